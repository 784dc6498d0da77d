package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.AmqpException;

import java.util.Map;

/** The exchange types this broker knows, by the names clients declare them with. */
final class ExchangeTypes {
    private ExchangeTypes() {
    }

    static void check(String type) {
        switch (type) {
            case "direct", "fanout", "topic", "headers" -> { }
            default -> throw AmqpException.commandInvalid("unknown exchange type '%s'", type);
        }
    }

    static Exchange create(VirtualHost vhost, String name, String type, boolean durable, boolean autoDelete,
                           boolean internal, Map<String, Object> arguments) {
        return switch (type) {
            case "direct" -> new DirectExchange(vhost, name, durable, autoDelete, internal, arguments);
            case "fanout" -> new FanoutExchange(vhost, name, durable, autoDelete, internal, arguments);
            case "topic" -> new TopicExchange(vhost, name, durable, autoDelete, internal, arguments);
            case "headers" -> new HeadersExchange(vhost, name, durable, autoDelete, internal, arguments);
            default -> throw AmqpException.commandInvalid("unknown exchange type '%s'", type);
        };
    }
}
