package io.mensajero.client;

import com.rabbitmq.client.Channel;
import io.mensajero.client.internal.Failures;
import io.mensajero.client.internal.Inbox;

import java.time.Duration;

/**
 * What the receiver, the worker and the subscriber share: consume from a queue until stopped,
 * until {@code count} deliveries were handled, or until nothing arrived for {@code idleTimeout}.
 */
public abstract class ConsumingPattern extends MessagingPattern {
    private static final Duration POLL = Duration.ofMillis(100);

    private final int count;
    private final Duration idleTimeout;

    ConsumingPattern(ConsumingBuilder<?> builder, String defaultName) {
        super(builder, defaultName);
        this.count = builder.count;
        this.idleTimeout = builder.idleTimeout;
    }

    /** Handles one delivery; returns true when it counts towards {@code count}. */
    @FunctionalInterface
    interface Handler {
        boolean handle(Inbox.Item delivery) throws InterruptedException;
    }

    /** Consumes until stopped, the count is reached or the idle timeout passes. */
    final void consume(Channel channel, String queue, boolean autoAck, Handler handler, Object... extraFields)
            throws InterruptedException {
        Inbox inbox = new Inbox(channel, this::connectionNow);
        String consumerTag = amqp(Text.of("op.consume", queue),
                () -> channel.basicConsume(queue, autoAck, inbox));
        startedUp();
        Object[] fields = new Object[6 + extraFields.length];
        System.arraycopy(new Object[] {"queue", queue, "consumerTag", consumerTag, "autoAck", autoAck}, 0, fields, 0, 6);
        System.arraycopy(extraFields, 0, fields, 6, extraFields.length);
        emit(EventType.CONSUMING, fields);
        int handled = 0;
        long lastActivity = System.nanoTime();
        while (!stopper.stopped()) {
            checkRecovery();
            if (count > 0 && handled >= count) {
                stop("count");
                break;
            }
            Duration wait = POLL;
            if (idleTimeout != null) {
                Duration left = idleTimeout.minusNanos(System.nanoTime() - lastActivity);
                if (left.isNegative() || left.isZero()) {
                    stop("idle-timeout");
                    break;
                }
                wait = left.compareTo(POLL) < 0 ? left : POLL;
            }
            Inbox.Item item = inbox.poll(wait);
            if (item == null) {
                continue;
            }
            switch (item.kind()) {
                case DELIVERY:
                    if (handler.handle(item)) {
                        handled++;
                    }
                    lastActivity = System.nanoTime();
                    break;
                case CANCELLED:
                    throw new MensajeroException(Failure.BROKER_REFUSED, Text.of("error.cancelled", queue));
                default:
                    if (recovering() && Failures.isConnectionLoss(item.signal())) {
                        break;  // amqp-client reconnects and consumes again; connection-lost says so
                    }
                    if (!stopper.stopped()) {
                        throw Failures.whileDoing(Text.of("activity.consuming", queue), settings(), item.signal());
                    }
            }
        }
    }

    /** Options shared by consuming patterns' builders. */
    public abstract static class ConsumingBuilder<B extends ConsumingBuilder<B>> extends MessagingPattern.Builder<B> {
        int count;
        Duration idleTimeout;

        ConsumingBuilder() {
        }

        /** Stop after this many deliveries (0, the default: no limit). */
        public final B count(int count) {
            this.count = notNegative("the count", count);
            return self();
        }

        /** Stop when nothing arrived for this long (default: never). */
        public final B idleTimeout(Duration idleTimeout) {
            this.idleTimeout = notNegative("the idle timeout", idleTimeout);
            return self();
        }
    }
}
