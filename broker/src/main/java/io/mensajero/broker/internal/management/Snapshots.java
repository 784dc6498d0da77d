package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.ConnectionHandle;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.arguments.AppliedPolicy;
import io.mensajero.broker.internal.info.ConsumerInfo;
import io.mensajero.broker.internal.model.Binding;
import io.mensajero.broker.internal.model.Exchange;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.broker.internal.stats.Counters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Immutable copies of the model, taken on the broker loop (the only place the model may be
 * read) and rendered on the HTTP threads.
 */
final class Snapshots {
    private Snapshots() {
    }

    record QueueSnapshot(String vhost, String name, boolean durable, boolean autoDelete, boolean exclusive,
                         String owner, Map<String, Object> arguments, int ready, int unacked, int consumers,
                         String exclusiveConsumerTag, Counters.Snapshot stats, double[] depthRates,
                         AppliedPolicy policy) {
        int messages() {
            return ready + unacked;
        }
    }

    record ExchangeSnapshot(String vhost, String name, String type, boolean durable, boolean autoDelete,
                            boolean internal, Map<String, Object> arguments, Counters.Snapshot stats,
                            AppliedPolicy policy) {
    }

    record BindingSnapshot(String vhost, String source, String destination, String destinationType,
                           String routingKey, Map<String, Object> arguments) {
    }

    /** The queues of the vhosts named (all when null). */
    static List<QueueSnapshot> queues(BrokerContext broker, Collection<String> vhosts) {
        List<QueueSnapshot> out = new ArrayList<>();
        for (VirtualHost v : vhosts(broker, vhosts)) {
            for (MessageQueue q : v.queues()) {
                out.add(queue(broker, q));
            }
        }
        return out;
    }

    static QueueSnapshot queue(BrokerContext broker, MessageQueue q) {
        String owner = null;
        if (q.exclusiveOwner() instanceof ConnectionHandle c) {
            owner = c.view().name();
        }
        String exclusiveTag = q.hasExclusiveConsumer() ? q.consumers().iterator().next().tag() : null;
        return new QueueSnapshot(q.vhost().name(), q.name(), q.durable(), q.autoDelete(), q.exclusive(), owner,
                q.arguments(), q.messageCount(), q.unackedCount(), q.consumerCount(), exclusiveTag,
                q.stats().snapshot(), q.stats().depthRates(), q.policy());
    }

    static List<ExchangeSnapshot> exchanges(BrokerContext broker, Collection<String> vhosts) {
        List<ExchangeSnapshot> out = new ArrayList<>();
        for (VirtualHost v : vhosts(broker, vhosts)) {
            for (Exchange x : v.exchanges()) {
                out.add(exchange(x));
            }
        }
        return out;
    }

    static ExchangeSnapshot exchange(Exchange x) {
        return new ExchangeSnapshot(x.vhost().name(), x.name(), x.type(), x.durable(), x.autoDelete(), x.internal(),
                x.arguments(), x.stats().snapshot(), x.policy());
    }

    /** Bindings as RabbitMQ lists them: the default exchange's implicit ones first, then the declared ones. */
    static List<BindingSnapshot> bindings(BrokerContext broker, Collection<String> vhosts) {
        List<BindingSnapshot> out = new ArrayList<>();
        for (VirtualHost v : vhosts(broker, vhosts)) {
            for (MessageQueue q : v.queues()) {
                out.add(new BindingSnapshot(v.name(), "", q.name(), "queue", q.name(), Map.of()));
            }
            for (Exchange x : v.exchanges()) {
                for (Binding b : x.bindings()) {
                    out.add(binding(v, b));
                }
            }
        }
        return out;
    }

    static BindingSnapshot binding(VirtualHost v, Binding b) {
        return new BindingSnapshot(v.name(), b.source().name(), b.destination().name(), b.destination().kind(),
                b.routingKey(), b.arguments());
    }

    static List<ConsumerInfo> consumers(BrokerContext broker) {
        List<ConsumerInfo> out = new ArrayList<>();
        for (ConnectionHandle c : broker.connections()) {
            out.addAll(c.view().consumerInfos());
        }
        return out;
    }

    private static List<VirtualHost> vhosts(BrokerContext broker, Collection<String> names) {
        if (names == null) {
            return new ArrayList<>(broker.vhosts());
        }
        List<VirtualHost> out = new ArrayList<>();
        for (String n : names) {
            VirtualHost v = broker.vhost(n);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
