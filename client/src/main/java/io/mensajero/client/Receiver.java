package io.mensajero.client;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.client.internal.Bodies;
import io.mensajero.client.internal.DeathHistory;

import java.util.Map;
import java.util.Objects;

/**
 * The course's consumer.py: declares a queue ({@code hello}, default arguments), consumes with
 * automatic acknowledgement and reports each body.
 */
public final class Receiver extends ConsumingPattern {
    private final String queue;
    private final boolean durable;

    private Receiver(Builder builder) {
        super(builder, "receive");
        this.queue = builder.queue;
        this.durable = builder.durable;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    Map<String, Object> execute() throws InterruptedException {
        int[] received = {0};
        Connection connection = open();
        try {
            Channel channel = amqp(Text.of("op.openChannel"), connection::createChannel);
            declareQueue(channel, queue, durable);
            consume(channel, queue, true, delivery -> {
                received[0]++;
                Object[] fields = withCorrelation(correlationId(delivery.properties()),
                        "queue", queue, "body", Bodies.text(delivery.body()),
                        "seq", received[0], "deliveryTag", delivery.envelope().getDeliveryTag(),
                        "redelivered", delivery.envelope().isRedeliver(),
                        "persistent", persistent(delivery.properties()),
                        "exchange", delivery.envelope().getExchange(),
                        "routingKey", delivery.envelope().getRoutingKey());
                DeathHistory deaths = DeathHistory.of(delivery.properties());
                if (!deaths.isEmpty()) {
                    fields = java.util.Arrays.copyOf(fields, fields.length + 2);
                    fields[fields.length - 2] = "deaths";
                    fields[fields.length - 1] = deaths.entries();
                }
                emit(EventType.RECEIVED, fields);
                return true;
            });
        } finally {
            close(connection);
        }
        return fields("queue", queue, "received", received[0]);
    }

    /** Builds a {@link Receiver}. */
    public static final class Builder extends ConsumingBuilder<Builder> {
        private String queue = "hello";
        private boolean durable;

        private Builder() {
        }

        public Builder queue(String queue) {
            this.queue = Objects.requireNonNull(queue, "queue");
            return this;
        }

        /** Declare the queue durable, to match a queue a {@code task} producer declared. */
        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        public Receiver build() {
            return new Receiver(this);
        }
    }
}
