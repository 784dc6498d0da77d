package io.mensajero.broker.internal.model;

import java.util.Map;

/**
 * A binding from an exchange to a queue or exchange. Two bindings are the same when source,
 * destination, routing key and arguments are all equal, as in RabbitMQ.
 */
public record Binding(Exchange source, BindingDestination destination, String routingKey,
                      Map<String, Object> arguments) {
    public Binding {
        arguments = arguments == null ? Map.of() : arguments;
    }
}
