package io.mensajero.broker.internal.model;

import java.util.Map;
import java.util.function.Consumer;

/** Routes by pattern: binding keys are dot-separated words where * is one word and # any number. */
final class TopicExchange extends Exchange {
    private final TopicTrie trie = new TopicTrie();

    TopicExchange(VirtualHost vhost, String name, boolean durable, boolean autoDelete, boolean internal,
                  Map<String, Object> arguments) {
        super(vhost, name, durable, autoDelete, internal, arguments);
    }

    @Override
    public String type() {
        return "topic";
    }

    @Override
    void route(Message message, Consumer<BindingDestination> sink) {
        for (String key : message.routingKeys()) {
            trie.match(key, b -> sink.accept(b.destination()));
        }
    }

    @Override
    void addRoute(Binding binding) {
        trie.add(binding);
    }

    @Override
    void removeRoute(Binding binding) {
        trie.remove(binding);
    }
}
