package io.mensajero.broker.internal.arguments;

/** What a queue at its length limit does with one more message (x-overflow). */
public enum Overflow {
    /** Drop (or dead-letter) the oldest message: RabbitMQ's default. */
    DROP_HEAD("drop-head"),
    /** Refuse the new message: publisher nack, not dead-lettered. */
    REJECT_PUBLISH("reject-publish"),
    /** Refuse the new message and dead-letter it (classic queues; quorum queues treat it as drop-head). */
    REJECT_PUBLISH_DLX("reject-publish-dlx");

    private final String argument;

    Overflow(String argument) {
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }

    /** The overflow named by a valid x-overflow value, or null. */
    public static Overflow byArgument(String value) {
        for (Overflow o : values()) {
            if (o.argument.equals(value)) {
                return o;
            }
        }
        return null;
    }
}
