package io.mensajero.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A queue's type, RabbitMQ's {@code x-queue-type} argument. A quorum queue is replicated over
 * the nodes of a RabbitMQ cluster and survives the loss of a minority of them; it is always
 * durable and never exclusive or auto-delete.
 */
public enum QueueType {
    CLASSIC, QUORUM;

    /** The value of {@code x-queue-type}: {@code classic} or {@code quorum}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a type name (case-insensitive); an unknown one is a usage error. */
    public static QueueType parse(String name) {
        for (QueueType type : values()) {
            if (type.wireName().equalsIgnoreCase(name.trim())) {
                return type;
            }
        }
        throw MensajeroException.usage(Text.of("error.queueType", name,
                Arrays.stream(values()).map(QueueType::wireName).collect(Collectors.joining(", "))));
    }

    /**
     * The durability to declare with: a quorum queue is always durable, so it turns a default
     * non-durable queue durable, and refuses an explicit {@code durable(false)}.
     */
    static boolean durability(QueueType type, boolean durable, Boolean explicitly) {
        if (type != QUORUM) {
            return durable;
        }
        if (Boolean.FALSE.equals(explicitly)) {
            throw MensajeroException.usage(Text.of("error.quorumDurable"));
        }
        return true;
    }
}
