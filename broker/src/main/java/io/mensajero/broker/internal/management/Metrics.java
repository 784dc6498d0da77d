package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.ConnectionHandle;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.info.ChannelInfo;
import io.mensajero.broker.internal.info.ConnectionInfo;
import io.mensajero.broker.internal.stats.Counters;
import io.mensajero.broker.internal.stats.MessageStats;
import io.mensajero.broker.internal.stats.StatsRegistry;
import io.mensajero.broker.internal.stats.TrafficStats;
import io.netty.util.concurrent.EventExecutor;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Prometheus metrics with the names of RabbitMQ's rabbitmq_prometheus plugin, in the text
 * exposition format, without login (as the plugin serves them). {@code /metrics} aggregates, as
 * the plugin does by default; {@code /metrics/per-object} labels queue metrics with
 * {@code vhost} and {@code queue} and connection metrics with {@code connection}. Per-queue
 * counters of what consumers did are kept per queue (the plugin also splits them by channel).
 */
final class Metrics {
    private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final BrokerBridge bridge;

    Metrics(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    private record Data(List<Snapshots.QueueSnapshot> queues, List<ConnectionInfo> connections,
                        List<ChannelInfo> channels, int consumers, Counters.Snapshot messages,
                        Counters.Snapshot churn, boolean memoryAlarm, long memoryLimit, long diskFreeLimit,
                        boolean diskAlarm, File disk) {
    }

    CompletableFuture<ApiResponse> serve(EventExecutor executor, String path) {
        boolean perObject;
        if (path.equals("/metrics") || path.equals("/metrics/")) {
            perObject = false;
        } else if (path.equals("/metrics/per-object")) {
            perObject = true;
        } else {
            throw ApiException.notFound();
        }
        return bridge.call(executor, Metrics::data)
                .thenApply(d -> ApiResponse.raw(render(d, perObject).getBytes(StandardCharsets.UTF_8), TEXT));
    }

    private static Data data(BrokerContext b) {
        List<ConnectionInfo> connections = new ArrayList<>();
        List<ChannelInfo> channels = new ArrayList<>();
        int consumers = 0;
        for (ConnectionHandle c : b.connections()) {
            if (c.view().vhostName() != null) {
                connections.add(c.view().info());
                channels.addAll(c.view().channelInfos());
                consumers += c.view().consumerInfos().size();
            }
        }
        return new Data(Snapshots.queues(b, null), connections, channels, consumers,
                b.stats().messages().snapshot(), b.stats().churn().snapshot(), b.gauge().alarm(),
                b.settings().memoryLimitBytes(), b.settings().diskFreeLimitBytes(), b.alarms().diskAlarm(),
                b.store() == null ? new File(".") : b.store().dir().toFile());
    }

    private static String render(Data d, boolean perObject) {
        Prometheus p = new Prometheus();
        Runtime rt = Runtime.getRuntime();
        p.family("rabbitmq_identity_info", "untyped", "Node and cluster identity");
        p.sample("rabbitmq_identity_info", "rabbitmq_node=\"" + Overview.NODE + "\",rabbitmq_cluster=\""
                + Overview.NODE + "\"", 1);
        p.family("rabbitmq_build_info", "untyped", "Versions");
        p.sample("rabbitmq_build_info", "rabbitmq_version=\"" + Overview.RABBITMQ_VERSION
                + "\",product_name=\"" + Overview.PRODUCT_NAME + "\",product_version=\"" + Overview.PRODUCT_VERSION
                + "\",java_version=\"" + Runtime.version() + "\"", 1);
        p.gauge("rabbitmq_connections", "Connections open", d.connections().size());
        p.gauge("rabbitmq_channels", "Channels open", d.channels().size());
        p.gauge("rabbitmq_consumers", "Consumers", d.consumers());
        p.gauge("rabbitmq_queues", "Queues", d.queues().size());
        churn(p, d.churn());
        p.gauge("rabbitmq_process_resident_memory_bytes", "Memory the JVM's heap uses", rt.totalMemory() - rt.freeMemory());
        p.gauge("rabbitmq_resident_memory_limit_bytes", "The memory high watermark", d.memoryLimit());
        p.untyped("rabbitmq_alarms_memory_used_watermark", "1 while the memory alarm is raised", d.memoryAlarm() ? 1 : 0);
        p.untyped("rabbitmq_alarms_free_disk_space_watermark", "1 while the disk alarm is raised", d.diskAlarm() ? 1 : 0);
        p.gauge("rabbitmq_disk_space_available_bytes", "Free disk space", d.disk().getUsableSpace());
        p.gauge("rabbitmq_disk_space_available_limit_bytes", "The disk free limit", d.diskFreeLimit());
        global(p, d.messages());
        queues(p, d.queues(), perObject);
        connections(p, d.connections(), perObject);
        channels(p, d.channels(), perObject);
        return p.toString();
    }

    private static void churn(Prometheus p, Counters.Snapshot c) {
        p.counter("rabbitmq_connections_opened_total", "Connections opened", c.get(StatsRegistry.CONNECTION_CREATED));
        p.counter("rabbitmq_connections_closed_total", "Connections closed", c.get(StatsRegistry.CONNECTION_CLOSED));
        p.counter("rabbitmq_channels_opened_total", "Channels opened", c.get(StatsRegistry.CHANNEL_CREATED));
        p.counter("rabbitmq_channels_closed_total", "Channels closed", c.get(StatsRegistry.CHANNEL_CLOSED));
        p.counter("rabbitmq_queues_declared_total", "Queues declared", c.get(StatsRegistry.QUEUE_DECLARED));
        p.counter("rabbitmq_queues_created_total", "Queues created", c.get(StatsRegistry.QUEUE_CREATED));
        p.counter("rabbitmq_queues_deleted_total", "Queues deleted", c.get(StatsRegistry.QUEUE_DELETED));
    }

    private static void global(Prometheus p, Counters.Snapshot m) {
        String amqp = "protocol=\"amqp091\"";
        p.labelled("rabbitmq_global_messages_received_total", "counter", "Messages received from publishers", amqp,
                m.get(MessageStats.PUBLISH));
        p.labelled("rabbitmq_global_messages_confirmed_total", "counter", "Messages confirmed to publishers", amqp,
                m.get(MessageStats.CONFIRM));
        p.labelled("rabbitmq_global_messages_unroutable_returned_total", "counter", "Unroutable messages returned",
                amqp, m.get(MessageStats.RETURN_UNROUTABLE));
        p.labelled("rabbitmq_global_messages_unroutable_dropped_total", "counter", "Unroutable messages dropped",
                amqp, m.get(MessageStats.DROP_UNROUTABLE));
        p.labelled("rabbitmq_global_messages_delivered_total", "counter", "Messages delivered to consumers", amqp,
                MessageStats.deliverGet(m));
        p.labelled("rabbitmq_global_messages_delivered_consume_manual_ack_total", "counter",
                "Messages delivered to consumers with manual acks", amqp, m.get(MessageStats.DELIVER));
        p.labelled("rabbitmq_global_messages_delivered_consume_auto_ack_total", "counter",
                "Messages delivered to consumers with automatic acks", amqp, m.get(MessageStats.DELIVER_NO_ACK));
        p.labelled("rabbitmq_global_messages_delivered_get_manual_ack_total", "counter",
                "Messages fetched with basic.get with manual acks", amqp, m.get(MessageStats.GET));
        p.labelled("rabbitmq_global_messages_delivered_get_auto_ack_total", "counter",
                "Messages fetched with basic.get with automatic acks", amqp, m.get(MessageStats.GET_NO_ACK));
        p.labelled("rabbitmq_global_messages_get_empty_total", "counter", "basic.get on an empty queue", amqp,
                m.get(MessageStats.GET_EMPTY));
        p.labelled("rabbitmq_global_messages_redelivered_total", "counter", "Messages redelivered", amqp,
                m.get(MessageStats.REDELIVER));
        p.labelled("rabbitmq_global_messages_acknowledged_total", "counter", "Messages acknowledged by consumers",
                amqp, m.get(MessageStats.ACK));
    }

    private static void queues(Prometheus p, List<Snapshots.QueueSnapshot> queues, boolean perObject) {
        queueMetric(p, queues, perObject, "rabbitmq_queue_messages_ready", "gauge", "Messages ready",
                q -> q.ready());
        queueMetric(p, queues, perObject, "rabbitmq_queue_messages_unacked", "gauge",
                "Messages delivered and not yet acknowledged", q -> q.unacked());
        queueMetric(p, queues, perObject, "rabbitmq_queue_messages", "gauge", "Messages ready and unacknowledged",
                q -> q.messages());
        queueMetric(p, queues, perObject, "rabbitmq_queue_consumers", "gauge", "Consumers of a queue",
                q -> q.consumers());
        queueMetric(p, queues, perObject, "rabbitmq_queue_messages_published_total", "counter",
                "Messages published to a queue", q -> q.stats().get(MessageStats.PUBLISH));
        queueMetric(p, queues, perObject, "rabbitmq_channel_messages_delivered_ack_total", "counter",
                "Messages delivered to consumers with manual acks", q -> q.stats().get(MessageStats.DELIVER));
        queueMetric(p, queues, perObject, "rabbitmq_channel_messages_delivered_total", "counter",
                "Messages delivered to consumers with automatic acks", q -> q.stats().get(MessageStats.DELIVER_NO_ACK));
        queueMetric(p, queues, perObject, "rabbitmq_channel_get_ack_total", "counter",
                "Messages fetched with basic.get with manual acks", q -> q.stats().get(MessageStats.GET));
        queueMetric(p, queues, perObject, "rabbitmq_channel_get_total", "counter",
                "Messages fetched with basic.get with automatic acks", q -> q.stats().get(MessageStats.GET_NO_ACK));
        queueMetric(p, queues, perObject, "rabbitmq_channel_get_empty_total", "counter",
                "basic.get on an empty queue", q -> q.stats().get(MessageStats.GET_EMPTY));
        queueMetric(p, queues, perObject, "rabbitmq_channel_messages_redelivered_total", "counter",
                "Messages redelivered", q -> q.stats().get(MessageStats.REDELIVER));
        queueMetric(p, queues, perObject, "rabbitmq_channel_messages_acked_total", "counter",
                "Messages acknowledged by consumers", q -> q.stats().get(MessageStats.ACK));
    }

    private interface QueueValue {
        long of(Snapshots.QueueSnapshot q);
    }

    private static void queueMetric(Prometheus p, List<Snapshots.QueueSnapshot> queues, boolean perObject,
                                    String name, String type, String help, QueueValue value) {
        p.family(name, type, help);
        if (!perObject) {
            long sum = 0;
            for (Snapshots.QueueSnapshot q : queues) {
                sum += value.of(q);
            }
            p.sample(name, null, sum);
            return;
        }
        for (Snapshots.QueueSnapshot q : queues) {
            p.sample(name, "vhost=\"" + Prometheus.escape(q.vhost()) + "\",queue=\"" + Prometheus.escape(q.name())
                    + "\"", value.of(q));
        }
    }

    private static void connections(Prometheus p, List<ConnectionInfo> connections, boolean perObject) {
        String[][] metrics = {
            {"rabbitmq_connection_incoming_bytes_total", "Octets received on a connection"},
            {"rabbitmq_connection_outgoing_bytes_total", "Octets sent on a connection"},
            {"rabbitmq_connection_incoming_packets_total", "Reads from a connection's socket"},
            {"rabbitmq_connection_outgoing_packets_total", "Writes to a connection's socket"}};
        int[] counters = {TrafficStats.RECV_OCT, TrafficStats.SEND_OCT, TrafficStats.RECV_CNT, TrafficStats.SEND_CNT};
        for (int i = 0; i < metrics.length; i++) {
            p.family(metrics[i][0], "counter", metrics[i][1]);
            long sum = 0;
            for (ConnectionInfo c : connections) {
                if (perObject) {
                    p.sample(metrics[i][0], "connection=\"" + Prometheus.escape(c.name()) + "\"",
                            c.traffic().get(counters[i]));
                }
                sum += c.traffic().get(counters[i]);
            }
            if (!perObject) {
                p.sample(metrics[i][0], null, sum);
            }
        }
    }

    private static void channels(Prometheus p, List<ChannelInfo> channels, boolean perObject) {
        channelMetric(p, channels, perObject, "rabbitmq_channel_messages_unacked", "gauge",
                "Messages delivered on a channel and not yet acknowledged", ChannelInfo::messagesUnacknowledged);
        channelMetric(p, channels, perObject, "rabbitmq_channel_messages_published_total", "counter",
                "Messages published on a channel", c -> c.stats().get(MessageStats.PUBLISH));
    }

    private static void channelMetric(Prometheus p, List<ChannelInfo> channels, boolean perObject, String name,
                                      String type, String help, java.util.function.ToLongFunction<ChannelInfo> value) {
        p.family(name, type, help);
        long sum = 0;
        for (ChannelInfo c : channels) {
            if (perObject) {
                p.sample(name, "channel=\"" + Prometheus.escape(c.name()) + "\"", value.applyAsLong(c));
            }
            sum += value.applyAsLong(c);
        }
        if (!perObject) {
            p.sample(name, null, sum);
        }
    }
}
