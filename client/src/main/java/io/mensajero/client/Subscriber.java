package io.mensajero.client;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.client.internal.Bodies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The course's consumer-v3.py: declares the exchange {@code business_events} (fanout), declares
 * an exclusive server-named queue, binds it (once per binding key), and consumes with automatic
 * acknowledgement. Only events published after the binding exists reach it.
 */
public final class Subscriber extends ConsumingPattern {
    private final String exchange;
    private final ExchangeType type;
    private final boolean durable;
    private final List<String> bindingKeys;
    private final Map<String, Object> bindingArguments;

    private Subscriber(Builder builder) {
        super(builder, "subscribe");
        this.exchange = builder.exchange;
        this.type = builder.type;
        this.durable = builder.durable;
        this.bindingKeys = builder.bindingKeys.isEmpty() ? List.of("") : List.copyOf(builder.bindingKeys);
        this.bindingArguments = new LinkedHashMap<>(builder.headers);
        if (!bindingArguments.isEmpty()) {
            bindingArguments.put("x-match", builder.match);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    Map<String, Object> execute() throws InterruptedException {
        int[] received = {0};
        String queue = "";
        Connection connection = open();
        try {
            Channel channel = amqp(Text.of("op.openChannel"), connection::createChannel);
            declareExchange(channel, exchange, type, durable);
            queue = declareServerNamedQueue(channel);
            for (String key : bindingKeys) {
                String bound = queue;
                amqp(Text.of("op.bind", queue, exchange, key),
                        () -> channel.queueBind(bound, exchange, key, bindingArguments.isEmpty() ? null : bindingArguments));
                emit(EventType.BOUND, "queue", queue, "exchange", exchange, "bindingKey", key,
                        "arguments", bindingArguments);
            }
            String from = queue;
            consume(channel, queue, true, delivery -> {
                received[0]++;
                AMQP.BasicProperties properties = delivery.properties();
                Map<String, Object> headers = new LinkedHashMap<>();
                if (properties != null && properties.getHeaders() != null) {
                    properties.getHeaders().forEach((k, v) -> headers.put(k, String.valueOf(v)));
                }
                emit(EventType.RECEIVED, withCorrelation(correlationId(properties),
                        "queue", from, "exchange", delivery.envelope().getExchange(),
                        "routingKey", delivery.envelope().getRoutingKey(), "body", Bodies.text(delivery.body()),
                        "seq", received[0], "deliveryTag", delivery.envelope().getDeliveryTag(),
                        "redelivered", delivery.envelope().isRedeliver(), "headers", headers));
                return true;
            }, "exchange", exchange);
        } finally {
            close(connection);
        }
        return fields("exchange", exchange, "queue", queue, "received", received[0]);
    }

    /** Builds a {@link Subscriber}. */
    public static final class Builder extends ConsumingBuilder<Builder> {
        private String exchange = "business_events";
        private ExchangeType type = ExchangeType.FANOUT;
        private boolean durable;
        private final List<String> bindingKeys = new ArrayList<>();
        private final Map<String, Object> headers = new LinkedHashMap<>();
        private String match = "all";

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

        /** Adds a binding with this key; without any, one binding with the empty key. */
        public Builder bindingKey(String key) {
            bindingKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** A header the binding matches (headers exchange). */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** x-match for header bindings: {@code all} (default) or {@code any}. */
        public Builder match(String match) {
            if (!"all".equals(match) && !"any".equals(match)) {
                throw MensajeroException.usage(Text.of("error.headerMatch", match));
            }
            this.match = match;
            return this;
        }

        public Subscriber build() {
            return new Subscriber(this);
        }
    }
}
