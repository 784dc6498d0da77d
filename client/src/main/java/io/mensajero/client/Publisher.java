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
public final class Publisher extends MessagingPattern {
    private final String exchange;
    private final ExchangeType type;
    private final boolean durable;
    private final String routingKey;
    private final Map<String, Object> headers;
    private final String body;
    private final int count;
    private final double rate;

    private Publisher(Builder builder) {
        super(builder, "publish");
        this.exchange = builder.exchange;
        this.type = builder.type;
        this.durable = builder.durable;
        this.routingKey = builder.routingKey;
        this.headers = new LinkedHashMap<>(builder.headers);
        this.body = builder.body;
        this.count = builder.count;
        this.rate = builder.rate;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    Map<String, Object> execute() throws InterruptedException {
        int sent = 0;
        Connection connection = open();
        try {
            Channel channel = amqp("open a channel", connection::createChannel);
            declareExchange(channel, exchange, type, durable);
            amqp("enable publisher confirms", channel::confirmSelect);
            AMQP.BasicProperties properties = headers.isEmpty() ? null
                    : new AMQP.BasicProperties.Builder().headers(headers).build();
            long start = System.nanoTime();
            for (int n = 1; n <= count && pace(start, n, rate); n++) {
                String text = Bodies.render(body, n);
                publishConfirmed(channel, exchange, routingKey, properties, Bodies.bytes(text), n);
                sent++;
                emit(EventType.SENT, "exchange", exchange, "routingKey", routingKey, "body", text, "seq", n,
                        "headers", headers);
            }
        } finally {
            close(connection);
        }
        return fields("exchange", exchange, "sent", sent);
    }

    /** Builds a {@link Publisher}. */
    public static final class Builder extends MessagingPattern.Builder<Builder> {
        private String exchange = "business_events";
        private ExchangeType type = ExchangeType.FANOUT;
        private boolean durable;
        private String routingKey = "";
        private final Map<String, Object> headers = new LinkedHashMap<>();
        private String body = "BUYER_ARRIVED_ID";
        private int count = 1;
        private double rate;

        private Builder() {
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

        /** The body; {@code {n}} becomes the message's number. */
        public Builder body(String body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        public Builder count(int count) {
            this.count = notNegative("the count", count);
            return this;
        }

        /** Messages per second; 0 (the default) sends as fast as confirms come back. */
        public Builder rate(double rate) {
            this.rate = positiveRate(rate);
            return this;
        }

        public Publisher build() {
            return new Publisher(this);
        }
    }
}
