package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.ConnectionHandle;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.auth.Permission;
import io.mensajero.broker.internal.auth.SecurityDefinitions;
import io.mensajero.broker.internal.auth.VhostInfo;
import io.mensajero.broker.internal.info.ConnectionInfo;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.broker.internal.stats.Counters;
import io.mensajero.broker.internal.stats.TrafficStats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/vhosts} and {@code /api/vhosts/{vhost}}: listed with their message totals and
 * rates; created (the creating administrator gets full permissions on it, as in RabbitMQ),
 * updated and deleted by administrators (deleting closes the vhost's connections).
 */
final class VhostsResource {
    private final BrokerBridge bridge;

    VhostsResource(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    void register(Router router) {
        router.get("/api/vhosts", this::list)
                .get("/api/vhosts/{vhost}", this::get)
                .put("/api/vhosts/{vhost}", this::put)
                .delete("/api/vhosts/{vhost}", this::delete);
    }

    /** A vhost's totals, taken on the broker loop. */
    record Totals(int ready, int unacked, double[] depthRates, Counters.Snapshot messages, long recvOct,
                  long sendOct, double recvRate, double sendRate) {
    }

    static Totals totals(BrokerContext b, String name) {
        VirtualHost v = b.vhost(name);
        int ready = 0;
        int unacked = 0;
        double[] rates = new double[3];
        if (v != null) {
            for (MessageQueue q : v.queues()) {
                ready += q.messageCount();
                unacked += q.unackedCount();
                double[] r = q.stats().depthRates();
                for (int i = 0; i < 3; i++) {
                    rates[i] += r[i];
                }
            }
        }
        Counters.Snapshot closed = b.stats().vhostTraffic(name).snapshot();
        long recv = closed.get(TrafficStats.RECV_OCT);
        long send = closed.get(TrafficStats.SEND_OCT);
        double recvRate = 0;
        double sendRate = 0;
        for (ConnectionHandle c : b.connections()) {
            if (name.equals(c.view().vhostName())) {
                ConnectionInfo info = c.view().info();
                recv += info.traffic().get(TrafficStats.RECV_OCT);
                send += info.traffic().get(TrafficStats.SEND_OCT);
                recvRate += info.traffic().rate(TrafficStats.RECV_OCT);
                sendRate += info.traffic().rate(TrafficStats.SEND_OCT);
            }
        }
        return new Totals(ready, unacked, rates, b.stats().vhostMessages(name).snapshot(), recv, send,
                round(recvRate), round(sendRate));
    }

    static double round(double rate) {
        return Math.round(rate * 10.0) / 10.0;
    }

    static Map<String, Object> render(VhostInfo v, Totals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("description", v.description());
        m.put("tags", v.tags());
        m.put("default_queue_type", v.defaultQueueType() == null ? "undefined" : v.defaultQueueType());
        m.put("metadata", Map.of("description", v.description(), "tags", v.tags()));
        m.put("tracing", v.tracing());
        m.put("cluster_state", Map.of(Overview.NODE, "running"));
        if (t != null) {
            StatsJson.put(m, "send_oct", t.sendOct(), t.sendRate());
            StatsJson.put(m, "recv_oct", t.recvOct(), t.recvRate());
            StatsJson.put(m, "messages_ready", t.ready(), round(t.depthRates()[1]));
            StatsJson.put(m, "messages_unacknowledged", t.unacked(), round(t.depthRates()[2]));
            StatsJson.put(m, "messages", t.ready() + t.unacked(), round(t.depthRates()[0]));
            Map<String, Object> stats = StatsJson.messageStats(t.messages(), false);
            if (!stats.isEmpty()) {
                m.put("message_stats", stats);
            }
        }
        return m;
    }

    private CompletableFuture<ApiResponse> list(ApiRequest r) {
        List<String> visible = Authz.visibleVhosts(bridge, r);
        return bridge.call(r, b -> {
            List<Totals> totals = new ArrayList<>();
            for (String v : visible) {
                totals.add(totals(b, v));
            }
            return totals;
        }).thenApply(totals -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < visible.size(); i++) {
                VhostInfo info = Authz.model(bridge).vhost(visible.get(i));
                if (info != null) {
                    items.add(render(info, totals.get(i)));
                }
            }
            return Listing.reply(r, items, "name");
        });
    }

    private CompletableFuture<ApiResponse> get(ApiRequest r) {
        String name = r.param("vhost");
        Authz.vhost(bridge, r, name, true);
        return bridge.call(r, b -> totals(b, name)).thenApply(t -> {
            VhostInfo info = Authz.model(bridge).vhost(name);
            if (info == null) {
                throw ApiException.notFound();
            }
            return ApiResponse.ok(render(info, t));
        });
    }

    private CompletableFuture<ApiResponse> put(ApiRequest r) {
        r.requireAdministrator();
        String name = r.param("vhost");
        Map<String, Object> body = new LinkedHashMap<>(r.jsonObject());
        body.put("name", name);
        VhostInfo info = SecurityDefinitions.vhost(body);
        String creator = r.user().name();
        return bridge.call(r, b -> {
            boolean created = b.putVhost(info);
            if (created) {
                b.access().putPermission(Permission.full(creator, name));
            }
            return ApiResponse.createdOrUpdated(created);
        });
    }

    private CompletableFuture<ApiResponse> delete(ApiRequest r) {
        r.requireAdministrator();
        String name = r.param("vhost");
        return bridge.call(r, b -> {
            if (b.vhost(name) == null) {
                throw ApiException.notFound();
            }
            b.deleteVhost(name);
            return ApiResponse.noContent();
        });
    }
}
