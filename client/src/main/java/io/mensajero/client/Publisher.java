package io.mensajero.client;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.client.internal.Bodies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The course's producer-v3.py: declares the exchange {@code business_events} (fanout, not
 * durable) and publishes {@code BUYER_ARRIVED_ID} to it with an empty routing key, waiting for
 * each publisher confirm.
 */
public final class Publisher extends PublishingPattern {
    private final String exchange;
    private final ExchangeType type;
    private final boolean durable;
    private final String routingKey;
    private final Map<String, Object> headers;

    private Publisher(Builder builder) {
        super(builder, "publish");
        this.exchange = builder.exchange;
        this.type = builder.type;
        this.durable = builder.durable;
        this.routingKey = builder.routingKey;
        this.headers = new LinkedHashMap<>(builder.headers);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    Map<String, Object> execute() throws InterruptedException {
        int sent = 0;
        Connection connection = open();
        try {
            Channel channel = amqp(Text.of("op.openChannel"), connection::createChannel);
            declareExchange(channel, exchange, type, durable);
            AMQP.BasicProperties properties = headers.isEmpty() ? null
                    : new AMQP.BasicProperties.Builder().headers(headers).build();
            sent = sendAll(channel, (n, text) -> {
                int attempts = publishConfirmed(channel, exchange, routingKey, properties, Bodies.bytes(text), n);
                if (attempts > 0) {
                    emit(EventType.SENT, withAttempts(attempts, "exchange", exchange, "routingKey", routingKey,
                            "body", text, "seq", n, "headers", headers));
                }
                return attempts > 0;
            });
        } finally {
            close(connection);
        }
        return fields("exchange", exchange, "sent", sent);
    }

    /** Builds a {@link Publisher}. */
    public static final class Builder extends PublishingBuilder<Builder> {
        private String exchange = "business_events";
        private ExchangeType type = ExchangeType.FANOUT;
        private boolean durable;
        private String routingKey = "";
        private final Map<String, Object> headers = new LinkedHashMap<>();

        private Builder() {
            super("BUYER_ARRIVED_ID");
        }

        public Builder exchange(String exchange) {
            this.exchange = Objects.requireNonNull(exchange, "exchange");
            return this;
        }

        public Builder type(ExchangeType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /** Declare the exchange durable (business_events is not). */
        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        public Builder routingKey(String routingKey) {
            this.routingKey = Objects.requireNonNull(routingKey, "routingKey");
            return this;
        }

        /** A message header (for a headers exchange). */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Publisher build() {
            return new Publisher(this);
        }
    }
}
