package io.mensajero.broker.internal.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Routes to the bindings whose key equals the routing key. */
final class DirectExchange extends Exchange {
    private final Map<String, List<Binding>> byKey = new HashMap<>();

    DirectExchange(VirtualHost vhost, String name, boolean durable, boolean autoDelete, boolean internal,
                   Map<String, Object> arguments) {
        super(vhost, name, durable, autoDelete, internal, arguments);
    }

    @Override
    public String type() {
        return "direct";
    }

    @Override
    void route(Message message, Consumer<BindingDestination> sink) {
        for (String key : message.routingKeys()) {
            List<Binding> matches = byKey.get(key);
            if (matches != null) {
                for (Binding b : matches) {
                    sink.accept(b.destination());
                }
            }
        }
    }

    @Override
    void addRoute(Binding binding) {
        byKey.computeIfAbsent(binding.routingKey(), k -> new ArrayList<>(1)).add(binding);
    }

    @Override
    void removeRoute(Binding binding) {
        List<Binding> list = byKey.get(binding.routingKey());
        if (list != null && list.remove(binding) && list.isEmpty()) {
            byKey.remove(binding.routingKey());
        }
    }
}
