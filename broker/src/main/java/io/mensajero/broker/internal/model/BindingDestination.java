package io.mensajero.broker.internal.model;

/** What a binding leads to: a queue or, for exchange-to-exchange bindings, an exchange. */
public sealed interface BindingDestination permits MessageQueue, Exchange {
    String name();

    /** "queue" or "exchange", as RabbitMQ's texts say it. */
    String kind();

    VirtualHost vhost();

    /** RabbitMQ's way of naming a resource in error texts: {@code queue 'q' in vhost '/'}. */
    default String describe() {
        return kind() + " '" + name() + "' in vhost '" + vhost().name() + "'";
    }
}
