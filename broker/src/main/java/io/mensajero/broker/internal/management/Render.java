package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.arguments.AppliedPolicy;
import io.mensajero.broker.internal.arguments.QueueType;
import io.mensajero.broker.internal.info.ConsumerInfo;

import java.util.LinkedHashMap;
import java.util.Map;

/** Objects the API shows in several places, in RabbitMQ's shapes: queues, exchanges, consumers. */
final class Render {
    private Render() {
    }

    static Map<String, Object> queue(Snapshots.QueueSnapshot q) {
        AppliedPolicy policy = q.policy();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arguments", Json.table(q.arguments()));
        m.put("auto_delete", q.autoDelete());
        m.put("consumers", q.consumers());
        m.put("durable", q.durable());
        m.put("effective_policy_definition", policy.definition());
        m.put("exclusive", q.exclusive());
        m.put("exclusive_consumer_tag", q.exclusiveConsumerTag());
        Map<String, Object> stats = StatsJson.queueMessageStats(q.stats());
        if (!stats.isEmpty()) {
            m.put("message_stats", stats);
        }
        double[] rates = q.depthRates();
        StatsJson.put(m, "messages", q.messages(), rates[0]);
        m.put("messages_ram", q.messages());
        StatsJson.put(m, "messages_ready", q.ready(), rates[1]);
        m.put("messages_ready_ram", q.ready());
        StatsJson.put(m, "messages_unacknowledged", q.unacked(), rates[2]);
        m.put("messages_unacknowledged_ram", q.unacked());
        m.put("name", q.name());
        m.put("node", Overview.NODE);
        m.put("operator_policy", policy.operatorPolicy());
        m.put("policy", policy.policy());
        if (q.owner() != null) {
            m.put("owner_pid_details", Map.of("name", q.owner()));
        }
        m.put("single_active_consumer_tag", null);
        m.put("state", "running");
        m.put("type", QueueType.of(q.arguments()).argument());
        m.put("vhost", q.vhost());
        return m;
    }

    static Map<String, Object> exchange(Snapshots.ExchangeSnapshot x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arguments", Json.table(x.arguments()));
        m.put("auto_delete", x.autoDelete());
        m.put("durable", x.durable());
        m.put("internal", x.internal());
        Map<String, Object> stats = StatsJson.named(x.stats(), io.mensajero.broker.internal.stats.ExchangeStats.NAMES);
        if (!stats.isEmpty()) {
            m.put("message_stats", stats);
        }
        m.put("name", x.name());
        if (x.policy().policy() != null) {
            m.put("policy", x.policy().policy());
        }
        m.put("type", x.type());
        m.put("vhost", x.vhost());
        return m;
    }

    static Map<String, Object> consumer(ConsumerInfo c) {
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("connection_name", c.connectionName());
        channel.put("name", c.channelName());
        channel.put("node", Overview.NODE);
        channel.put("number", c.channelNumber());
        channel.put("peer_host", c.peerHost());
        channel.put("peer_port", c.peerPort());
        channel.put("user", c.user());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arguments", Json.table(c.arguments()));
        m.put("ack_required", c.ackRequired());
        m.put("active", true);
        m.put("activity_status", "up");
        m.put("channel_details", channel);
        m.put("consumer_tag", c.consumerTag());
        m.put("exclusive", c.exclusive());
        m.put("prefetch_count", c.prefetchCount());
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("name", c.queue());
        queue.put("vhost", c.vhost());
        m.put("queue", queue);
        return m;
    }

    static Map<String, Object> binding(Snapshots.BindingSnapshot b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", b.source());
        m.put("vhost", b.vhost());
        m.put("destination", b.destination());
        m.put("destination_type", b.destinationType());
        m.put("routing_key", b.routingKey());
        m.put("arguments", Json.table(b.arguments()));
        m.put("properties_key", PropertiesKey.of(b.routingKey(), b.arguments()));
        return m;
    }
}
