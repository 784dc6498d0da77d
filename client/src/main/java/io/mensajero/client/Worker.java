package io.mensajero.client;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.client.internal.Bodies;
import io.mensajero.client.internal.Failures;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The course's consumer-v2.py plus the group work's delay before the ack: declares the durable
 * {@code task_queue}, sets {@code basic.qos(prefetch)}, consumes with manual acknowledgement and
 * for each delivery works for (dots in the body x {@code dotDuration}) + {@code ackDelay}, then acks.
 *
 * <p>When stopped during the work, the delivery is left unacknowledged: closing the connection
 * gives it back to the queue, and the broker redelivers it (redelivered=true). With
 * {@link Builder#autoAck(boolean) autoAck} the broker forgets a message as soon as it sends it,
 * so whatever a stopped or killed worker held is lost.
 *
 * <p>With {@link Builder#forwardTo(String) forwardTo} the worker is one stage of a pipeline: after
 * the work it publishes the message (same body and properties, so the same correlation_id) to the
 * next queue, waits for the broker's confirm, and only then acks. A worker stopped before that
 * forwards nothing and leaves the delivery to be redelivered.
 */
public final class Worker extends ConsumingPattern {
    private final String queue;
    private final boolean durable;
    private final int prefetch;
    private final Duration ackDelay;
    private final Duration dotDuration;
    private final boolean autoAck;
    private final String forwardTo;
    private int received;
    private int forwarded;
    private int finished;
    private int unfinished;

    private Worker(Builder builder) {
        super(builder, "work");
        this.queue = builder.queue;
        this.durable = builder.durable;
        this.prefetch = builder.prefetch;
        this.ackDelay = builder.ackDelay;
        this.dotDuration = builder.dotDuration;
        this.autoAck = builder.autoAck;
        this.forwardTo = builder.forwardTo;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    Map<String, Object> execute() throws InterruptedException {
        Connection connection = open();
        // A worker waiting out its ack delay hears of a dead broker at once, not when it acks.
        connection.addShutdownListener(cause -> {
            if (!cause.isInitiatedByApplication()) {
                stopper.connectionLost(cause);
            }
        });
        try {
            Channel channel = amqp("open a channel", connection::createChannel);
            declareQueue(channel, queue, durable);
            if (forwardTo != null) {
                declareQueue(channel, forwardTo, durable);
                amqp("enable publisher confirms", channel::confirmSelect);
            }
            if (prefetch > 0) {
                amqp("set prefetch " + prefetch, () -> {
                    channel.basicQos(prefetch);
                    return null;
                });
            }
            consume(channel, queue, autoAck, delivery -> handle(channel, delivery), "prefetch", prefetch);
        } finally {
            close(connection);
        }
        Map<String, Object> summary = autoAck
                ? fields("queue", queue, "received", received, "done", finished, "lost", unfinished)
                : fields("queue", queue, "received", received, "acked", finished, "unacked", unfinished);
        if (forwardTo != null) {
            summary.put("forwardTo", forwardTo);
            summary.put("forwarded", forwarded);
        }
        return summary;
    }

    private boolean handle(Channel channel, io.mensajero.client.internal.Inbox.Item delivery)
            throws InterruptedException {
        long tag = delivery.envelope().getDeliveryTag();
        String body = Bodies.text(delivery.body());
        Duration work = Bodies.workTime(body, dotDuration);
        int seq = ++received;
        String correlationId = correlationId(delivery.properties());
        emit(EventType.RECEIVED, withCorrelation(correlationId, "queue", queue, "body", body, "seq", seq,
                "deliveryTag", tag, "redelivered", delivery.envelope().isRedeliver(),
                "persistent", persistent(delivery.properties()), "autoAck", autoAck,
                "workMs", work.toMillis(), "ackDelayMs", ackDelay.toMillis()));
        long start = System.nanoTime();
        if (!stopper.pause(work.plus(ackDelay))) {
            if (stopper.lost() != null) {
                throw Failures.whileDoing((autoAck ? "working on delivery tag " : "waiting to ack delivery tag ") + tag,
                        settings(), stopper.lost());
            }
            unfinished++;
            return false;
        }
        if (forwardTo != null) {
            publishConfirmed(channel, "", forwardTo, delivery.properties(), delivery.body(), seq);
            forwarded++;
            emit(EventType.FORWARDED, withCorrelation(correlationId, "queue", queue, "forwardTo", forwardTo,
                    "body", body, "seq", seq, "deliveryTag", tag));
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        if (autoAck) {
            finished++;
            emit(EventType.DONE, "queue", queue, "body", body, "seq", seq, "deliveryTag", tag, "afterMs", tookMs);
        } else {
            amqp("ack delivery tag " + tag, () -> {
                channel.basicAck(tag, false);
                return null;
            });
            finished++;
            emit(EventType.ACKED, "queue", queue, "body", body, "seq", seq, "deliveryTag", tag, "afterMs", tookMs);
        }
        return true;
    }

    /** Builds a {@link Worker}. */
    public static final class Builder extends ConsumingBuilder<Builder> {
        private String queue = "task_queue";
        private boolean durable = true;
        private int prefetch = 1;
        private Duration ackDelay = Duration.ZERO;
        private Duration dotDuration = Duration.ofSeconds(1);
        private boolean autoAck;
        private String forwardTo;

        private Builder() {
        }

        public Builder queue(String queue) {
            this.queue = Objects.requireNonNull(queue, "queue");
            return this;
        }

        /** Declare the queue durable (default true, as consumer-v2.py does for task_queue). */
        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        /** basic.qos prefetch count; 1 by default (fair dispatch), 0 for no limit (round-robin). */
        public Builder prefetch(int prefetch) {
            if (prefetch > 65_535) {
                throw MensajeroException.usage("the prefetch must be at most 65535 (was " + prefetch + ")");
            }
            this.prefetch = notNegative("the prefetch", prefetch);
            return this;
        }

        /** Extra time between the end of the work and the ack. */
        public Builder ackDelay(Duration ackDelay) {
            this.ackDelay = notNegative("the ack delay", ackDelay);
            return this;
        }

        /** Work time per '.' in the body (default 1 s, as in RabbitMQ's tutorial). */
        public Builder dotDuration(Duration dotDuration) {
            this.dotDuration = notNegative("the dot duration", dotDuration);
            return this;
        }

        /** Automatic acknowledgement: the broker forgets each message once sent. */
        public Builder autoAck(boolean autoAck) {
            this.autoAck = autoAck;
            return this;
        }

        /**
         * Makes the worker a pipeline stage: after the work, publish the message (same body and
         * properties, so the same correlation_id) to this queue, confirmed, then ack. The queue
         * is declared like the worker's own (same durability).
         */
        public Builder forwardTo(String queue) {
            if (queue == null || queue.isEmpty()) {
                throw MensajeroException.usage("the queue to forward to must be named");
            }
            this.forwardTo = queue;
            return this;
        }

        public Worker build() {
            if (queue.equals(forwardTo)) {
                throw MensajeroException.usage("a worker cannot forward to the queue it consumes from ('"
                        + queue + "')");
            }
            return new Worker(this);
        }
    }
}
