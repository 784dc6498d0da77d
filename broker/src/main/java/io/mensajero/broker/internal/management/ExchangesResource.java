package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.model.Exchange;
import io.mensajero.broker.internal.model.UserOperations;
import io.mensajero.broker.internal.model.VirtualHost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/exchanges}, {@code /api/exchanges/{vhost}}, {@code /api/exchanges/{vhost}/{name}}
 * (get, declare, delete) and its {@code bindings/source} and {@code bindings/destination}. The
 * default exchange is {@code amq.default} in paths. Declares and deletes are checked against the
 * user's permissions.
 */
final class ExchangesResource {
    private final BrokerBridge bridge;

    ExchangesResource(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    void register(Router router) {
        router.get("/api/exchanges", r -> list(r, Authz.scope(bridge, r)))
                .get("/api/exchanges/{vhost}", r -> list(r, Authz.scope(bridge, r)))
                .get("/api/exchanges/{vhost}/{name}", this::get)
                .put("/api/exchanges/{vhost}/{name}", this::put)
                .delete("/api/exchanges/{vhost}/{name}", this::delete)
                .get("/api/exchanges/{vhost}/{name}/bindings/source", r -> bindings(r, true))
                .get("/api/exchanges/{vhost}/{name}/bindings/destination", r -> bindings(r, false));
    }

    static String name(ApiRequest r) {
        String n = r.param("name");
        return n.equals("amq.default") ? "" : n;
    }

    private CompletableFuture<ApiResponse> list(ApiRequest r, List<String> vhosts) {
        return bridge.call(r, b -> Snapshots.exchanges(b, vhosts)).thenApply(exchanges -> {
            List<Map<String, Object>> items = new ArrayList<>(exchanges.size());
            exchanges.forEach(x -> items.add(Render.exchange(x)));
            return Listing.reply(r, items, "vhost", "name");
        });
    }

    static Exchange exchange(io.mensajero.broker.internal.BrokerContext b, String vhost, String name) {
        VirtualHost v = b.vhost(vhost);
        Exchange x = v == null ? null : v.lookupExchange(name);
        if (x == null) {
            throw ApiException.notFound();
        }
        return x;
    }

    private CompletableFuture<ApiResponse> get(ApiRequest r) {
        String vhost = r.param("vhost");
        String name = name(r);
        Authz.vhost(bridge, r, vhost, true);
        return bridge.call(r, b -> Snapshots.exchange(exchange(b, vhost, name))).thenApply(x -> {
            Map<String, Object> m = new LinkedHashMap<>(Render.exchange(x));
            m.put("incoming", List.of());
            m.put("outgoing", List.of());
            return ApiResponse.ok(Listing.select(List.of(m), QueuesResource.columns(r)).get(0));
        });
    }

    private CompletableFuture<ApiResponse> put(ApiRequest r) {
        String vhost = r.param("vhost");
        String name = name(r);
        Map<String, Object> body = r.jsonObject();
        String type = body.get("type") == null ? "direct" : String.valueOf(body.get("type"));
        boolean durable = QueuesResource.bool(body, "durable");
        boolean autoDelete = QueuesResource.bool(body, "auto_delete");
        boolean internal = QueuesResource.bool(body, "internal");
        Map<String, Object> arguments = Json.toAmqpTable(body.get("arguments"));
        if (Authz.model(bridge).vhost(vhost) == null) {
            throw ApiException.notFound("vhost_not_found");
        }
        Authz.vhost(bridge, r, vhost, false);
        return bridge.call(r, b -> {
            VirtualHost v = b.vhost(vhost);
            if (v == null) {
                throw ApiException.notFound("vhost_not_found");
            }
            boolean created = v.lookupExchange(name) == null;
            try {
                UserOperations.declareExchange(v, Authz.resources(b.access(), r, vhost), name, type, durable,
                        autoDelete, internal, arguments);
            } catch (AmqpException e) {
                throw Authz.declareError(e);
            }
            return ApiResponse.createdOrUpdated(created);
        });
    }

    private CompletableFuture<ApiResponse> delete(ApiRequest r) {
        String vhost = r.param("vhost");
        String name = name(r);
        boolean ifUnused = "true".equals(r.query("if-unused"));
        Authz.vhost(bridge, r, vhost, false);
        return bridge.call(r, b -> {
            Exchange x = exchange(b, vhost, name);
            try {
                UserOperations.deleteExchange(x.vhost(), Authz.resources(b.access(), r, vhost), name, ifUnused);
            } catch (AmqpException e) {
                throw Authz.declareError(e);
            }
            return ApiResponse.noContent();
        });
    }

    private CompletableFuture<ApiResponse> bindings(ApiRequest r, boolean source) {
        String vhost = r.param("vhost");
        String name = name(r);
        Authz.vhost(bridge, r, vhost, true);
        return bridge.call(r, b -> {
            exchange(b, vhost, name);
            List<Snapshots.BindingSnapshot> out = new ArrayList<>();
            for (Snapshots.BindingSnapshot s : Snapshots.bindings(b, List.of(vhost))) {
                boolean matches = source ? s.source().equals(name)
                        : s.destinationType().equals("exchange") && s.destination().equals(name);
                if (matches) {
                    out.add(s);
                }
            }
            return out;
        }).thenApply(list -> BindingsResource.reply(r, list));
    }
}
