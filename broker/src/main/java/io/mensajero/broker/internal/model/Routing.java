package io.mensajero.broker.internal.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a published message goes in a vhost, as RabbitMQ routes it: the queues it reaches, each
 * once, by each of its routing keys (CC and BCC included), following exchange-to-exchange bindings
 * (cycles included). An exchange that routes the message nowhere passes it to its alternate
 * exchange, if that exists (and so on, each exchange visited once). Confined to the broker thread.
 */
final class Routing {
    private Routing() {
    }

    static Collection<MessageQueue> route(VirtualHost vhost, DefaultExchange defaultExchange, Exchange exchange,
                                          Message message) {
        if (exchange == defaultExchange) {
            if (message.routingKeys().size() == 1) {
                MessageQueue q = vhost.lookupQueue(message.routingKey());
                return q == null ? List.of() : List.of(q);
            }
            Set<MessageQueue> result = new LinkedHashSet<>();
            defaultExchange.route(message, d -> result.add((MessageQueue) d));
            return result;
        }
        Routed result = new Routed();
        Set<Exchange> visited = null;
        List<Exchange> pending = null;
        Exchange current = exchange;
        while (current != null) {
            current.route(message, result);
            boolean reachedNothing = result.reachedNothing();
            List<Exchange> found = result.takeExchanges();
            if (reachedNothing) {
                Exchange alternate = alternateOf(vhost, current);
                if (alternate != null) {
                    found = List.of(alternate);
                }
            }
            if (!found.isEmpty()) {
                if (visited == null) {
                    visited = new LinkedHashSet<>();
                    visited.add(exchange);
                    pending = new ArrayList<>();
                }
                for (Exchange x : found) {
                    if (visited.add(x)) {
                        pending.add(x);
                    }
                }
            }
            current = pending == null || pending.isEmpty() ? null : pending.remove(pending.size() - 1);
        }
        return result;
    }

    private static Exchange alternateOf(VirtualHost vhost, Exchange x) {
        String name = x.alternateExchange();
        return name == null ? null : vhost.lookupExchange(name);
    }
}
