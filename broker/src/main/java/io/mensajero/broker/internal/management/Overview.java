package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.ConnectionHandle;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.info.ConnectionInfo;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.broker.internal.stats.Counters;
import io.mensajero.broker.internal.stats.StatsRegistry;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/overview}: the broker's product and version, object and queue totals, message
 * rates and churn, listeners. Administrators and monitors see the whole broker; management users
 * the totals of their vhosts and connections, without node details, as in RabbitMQ.
 */
final class Overview {
    /** The version of RabbitMQ whose management API this one speaks. */
    static final String RABBITMQ_VERSION = "3.10.8";
    static final String PRODUCT_NAME = "Mensajero";
    static final String PRODUCT_VERSION = productVersion();
    static final String NODE = "mensajero@" + hostName();

    private final BrokerBridge bridge;

    Overview(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    void register(Router router) {
        router.get("/api/overview", this::overview);
    }

    private static String productVersion() {
        String v = Overview.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    /** The machine's short host name, read without a DNS lookup (which can take seconds). */
    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).trim();
            } catch (java.io.IOException | RuntimeException e) {
                h = "localhost";
            }
        }
        int dot = h.indexOf('.');
        return dot > 0 ? h.substring(0, dot) : h;
    }

    /** What the overview counts, taken on the broker loop. */
    private record Totals(int connections, int channels, int consumers, int exchanges, int queues, int ready,
                          int unacked, double[] depthRates, Counters.Snapshot messages, Counters.Snapshot churn,
                          InetSocketAddress amqp, InetSocketAddress amqps) {
    }

    private CompletableFuture<ApiResponse> overview(ApiRequest r) {
        boolean all = r.user().isMonitor();
        List<String> vhosts = Authz.visibleVhosts(bridge, r);
        String user = r.user().name();
        return bridge.call(r, b -> totals(b, all, vhosts, user))
                .thenApply(t -> ApiResponse.ok(render(t, all, r)));
    }

    private static Totals totals(BrokerContext b, boolean all, List<String> vhosts, String user) {
        int connections = 0;
        int channels = 0;
        int consumers = 0;
        for (ConnectionHandle c : b.connections()) {
            if (all || user.equals(c.view().userName())) {
                ConnectionInfo info = c.view().info();
                connections++;
                channels += info.channels();
                consumers += c.view().consumerInfos().size();
            }
        }
        int exchanges = 0;
        int queues = 0;
        int ready = 0;
        int unacked = 0;
        double[] rates = new double[3];
        for (String name : vhosts) {
            VirtualHost v = b.vhost(name);
            if (v == null) {
                continue;
            }
            exchanges += v.exchanges().size();
            for (MessageQueue q : v.queues()) {
                queues++;
                ready += q.messageCount();
                unacked += q.unackedCount();
                double[] qr = q.stats().depthRates();
                for (int i = 0; i < 3; i++) {
                    rates[i] += qr[i];
                }
            }
        }
        Counters.Snapshot messages = all ? b.stats().messages().snapshot() : null;
        var listeners = b.listeners();
        return new Totals(connections, channels, consumers, exchanges, queues, ready, unacked, rates, messages,
                b.stats().churn().snapshot(), listeners == null ? null : listeners.amqpAddress(),
                listeners == null ? null : listeners.amqpsAddress());
    }

    private Map<String, Object> render(Totals t, boolean all, ApiRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("management_version", RABBITMQ_VERSION);
        m.put("rates_mode", "basic");
        m.put("sample_retention_policies", Map.of("global", List.of(600, 3600, 28800, 86400),
                "basic", List.of(600, 3600), "detailed", List.of(600)));
        m.put("exchange_types", exchangeTypes());
        m.put("product_version", PRODUCT_VERSION);
        m.put("product_name", PRODUCT_NAME);
        m.put("rabbitmq_version", RABBITMQ_VERSION);
        m.put("cluster_name", NODE);
        m.put("java_version", Runtime.version().toString());
        m.put("disable_stats", false);
        m.put("enable_queue_totals", false);
        m.put("message_stats", t.messages() == null ? Map.of() : StatsJson.messageStats(t.messages(), true));
        Map<String, Object> churn = new TreeMap<>();
        for (int i = 0; i < StatsRegistry.CHURN_NAMES.length; i++) {
            StatsJson.put(churn, StatsRegistry.CHURN_NAMES[i], t.churn().get(i), t.churn().rate(i));
        }
        m.put("churn_rates", churn);
        Map<String, Object> queueTotals = new LinkedHashMap<>();
        StatsJson.put(queueTotals, "messages", t.ready() + t.unacked(), VhostsResource.round(t.depthRates()[0]));
        StatsJson.put(queueTotals, "messages_ready", t.ready(), VhostsResource.round(t.depthRates()[1]));
        StatsJson.put(queueTotals, "messages_unacknowledged", t.unacked(), VhostsResource.round(t.depthRates()[2]));
        m.put("queue_totals", queueTotals);
        Map<String, Object> objects = new LinkedHashMap<>();
        objects.put("channels", t.channels());
        objects.put("connections", t.connections());
        if (all) {
            objects.put("consumers", t.consumers());
        }
        objects.put("exchanges", t.exchanges());
        objects.put("queues", t.queues());
        m.put("object_totals", objects);
        m.put("statistics_db_event_queue", 0);
        if (all) {
            m.put("node", NODE);
            m.put("listeners", listeners(t, r));
            m.put("contexts", List.of(context(r)));
        }
        return m;
    }

    static List<Map<String, Object>> exchangeTypes() {
        List<Map<String, Object>> types = new ArrayList<>();
        types.add(type("direct", "AMQP direct exchange, as per the AMQP specification"));
        types.add(type("fanout", "AMQP fanout exchange, as per the AMQP specification"));
        types.add(type("headers", "AMQP headers exchange, as per the AMQP specification"));
        types.add(type("topic", "AMQP topic exchange, as per the AMQP specification"));
        return types;
    }

    private static Map<String, Object> type(String name, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", description);
        m.put("enabled", true);
        return m;
    }

    private static List<Map<String, Object>> listeners(Totals t, ApiRequest r) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (t.amqp() != null) {
            out.add(listener("amqp", t.amqp()));
        }
        if (t.amqps() != null) {
            out.add(listener("amqp/ssl", t.amqps()));
        }
        if (r.local() != null) {
            out.add(listener(r.secure() ? "https" : "http", r.local()));
        }
        return out;
    }

    private static Map<String, Object> listener(String protocol, InetSocketAddress address) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", NODE);
        m.put("protocol", protocol);
        m.put("ip_address", address.getAddress() == null ? address.getHostString()
                : address.getAddress().getHostAddress());
        m.put("port", address.getPort());
        m.put("socket_opts", Map.of());
        return m;
    }

    static Map<String, Object> context(ApiRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ssl_opts", List.of());
        m.put("node", NODE);
        m.put("description", "RabbitMQ Management");
        m.put("path", "/");
        m.put("port", r.local() == null ? "" : String.valueOf(r.local().getPort()));
        return m;
    }
}
