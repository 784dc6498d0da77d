package io.mensajero.broker.internal.model;

import java.util.Map;
import java.util.function.Consumer;

/** Routes to every binding, whatever the routing key. */
final class FanoutExchange extends Exchange {

    FanoutExchange(VirtualHost vhost, String name, boolean durable, boolean autoDelete, boolean internal,
                   Map<String, Object> arguments) {
        super(vhost, name, durable, autoDelete, internal, arguments);
    }

    @Override
    public String type() {
        return "fanout";
    }

    @Override
    void route(Message message, Consumer<BindingDestination> sink) {
        for (Binding b : bindings()) {
            sink.accept(b.destination());
        }
    }

    @Override
    void addRoute(Binding binding) {
    }

    @Override
    void removeRoute(Binding binding) {
    }
}
