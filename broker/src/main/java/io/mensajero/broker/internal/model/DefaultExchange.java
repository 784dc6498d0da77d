package io.mensajero.broker.internal.model;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The default exchange "": every queue is bound to it with its own name, implicitly, and no
 * other binding is allowed.
 */
final class DefaultExchange extends Exchange {

    DefaultExchange(VirtualHost vhost) {
        super(vhost, "", true, false, false, Map.of());
    }

    @Override
    public String type() {
        return "direct";
    }

    @Override
    void route(Message message, Consumer<BindingDestination> sink) {
        for (String key : message.routingKeys()) {
            MessageQueue queue = vhost().lookupQueue(key);
            if (queue != null) {
                sink.accept(queue);
            }
        }
    }

    @Override
    void addRoute(Binding binding) {
        throw new IllegalStateException("the default exchange takes no bindings");
    }

    @Override
    void removeRoute(Binding binding) {
    }
}
