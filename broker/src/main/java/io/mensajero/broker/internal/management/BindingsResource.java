package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.model.UserOperations;
import io.mensajero.broker.internal.model.VirtualHost;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/bindings}, {@code /api/bindings/{vhost}}, and the bindings between two ends:
 * {@code /api/bindings/{vhost}/e/{source}/q/{queue}} (list, create) and
 * {@code .../{props}} (get, delete), likewise {@code e/{source}/e/{exchange}}. A binding is named
 * by its {@code properties_key}. Binding needs the user's permissions (write on the destination,
 * read on the source), as queue.bind does.
 */
final class BindingsResource {
    private final BrokerBridge bridge;

    BindingsResource(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    void register(Router router) {
        router.get("/api/bindings", r -> list(r, Authz.scope(bridge, r)))
                .get("/api/bindings/{vhost}", r -> list(r, Authz.scope(bridge, r)));
        for (String kind : List.of("q", "e")) {
            String ends = "/api/bindings/{vhost}/e/{source}/" + kind + "/{destination}";
            String type = kind.equals("q") ? "queue" : "exchange";
            router.get(ends, r -> between(r, type))
                    .post(ends, r -> create(r, type))
                    .get(ends + "/{props}", r -> one(r, type))
                    .delete(ends + "/{props}", r -> remove(r, type));
        }
    }

    private static String source(ApiRequest r) {
        String s = r.param("source");
        return s.equals("amq.default") ? "" : s;
    }

    private CompletableFuture<ApiResponse> list(ApiRequest r, List<String> vhosts) {
        return bridge.call(r, b -> Snapshots.bindings(b, vhosts)).thenApply(all -> reply(r, all));
    }

    static ApiResponse reply(ApiRequest r, List<Snapshots.BindingSnapshot> bindings) {
        List<Map<String, Object>> items = new ArrayList<>();
        bindings.forEach(s -> items.add(Render.binding(s)));
        return Listing.reply(r, items);
    }

    private CompletableFuture<List<Snapshots.BindingSnapshot>> ends(ApiRequest r, String type) {
        String vhost = r.param("vhost");
        String source = source(r);
        String destination = r.param("destination");
        Authz.vhost(bridge, r, vhost, true);
        return bridge.call(r, b -> {
            VirtualHost v = b.vhost(vhost);
            if (v == null || v.lookupExchange(source) == null
                    || (type.equals("queue") ? v.lookupQueue(destination) == null : v.lookupExchange(destination) == null)) {
                throw ApiException.notFound();
            }
            List<Snapshots.BindingSnapshot> out = new ArrayList<>();
            for (Snapshots.BindingSnapshot s : Snapshots.bindings(b, List.of(vhost))) {
                if (s.source().equals(source) && s.destinationType().equals(type) && s.destination().equals(destination)) {
                    out.add(s);
                }
            }
            return out;
        });
    }

    private CompletableFuture<ApiResponse> between(ApiRequest r, String type) {
        return ends(r, type).thenApply(list -> reply(r, list));
    }

    private CompletableFuture<ApiResponse> one(ApiRequest r, String type) {
        String props = r.param("props");
        return ends(r, type).thenApply(list -> {
            for (Snapshots.BindingSnapshot s : list) {
                if (PropertiesKey.of(s.routingKey(), s.arguments()).equals(props)) {
                    return ApiResponse.ok(Render.binding(s));
                }
            }
            throw ApiException.notFound();
        });
    }

    private CompletableFuture<ApiResponse> create(ApiRequest r, String type) {
        String vhost = r.param("vhost");
        String source = source(r);
        String destination = r.param("destination");
        Map<String, Object> body = r.jsonObject();
        String key = body.get("routing_key") == null ? "" : String.valueOf(body.get("routing_key"));
        Map<String, Object> arguments = Json.toAmqpTable(body.get("arguments"));
        Authz.vhost(bridge, r, vhost, false);
        return bridge.call(r, b -> {
            VirtualHost v = b.vhost(vhost);
            if (v == null) {
                throw ApiException.notFound("vhost_not_found");
            }
            try {
                UserOperations.bind(v, Authz.resources(b.access(), r, vhost), source, type, destination, key,
                        arguments, null);
            } catch (AmqpException e) {
                throw Authz.declareError(e);
            }
            String location = encode(destination) + "/" + encode(PropertiesKey.of(key, arguments));
            return ApiResponse.created().withHeader("location", location);
        });
    }

    private CompletableFuture<ApiResponse> remove(ApiRequest r, String type) {
        String vhost = r.param("vhost");
        String source = source(r);
        String destination = r.param("destination");
        String props = r.param("props");
        Authz.vhost(bridge, r, vhost, false);
        return bridge.call(r, b -> {
            VirtualHost v = b.vhost(vhost);
            Snapshots.BindingSnapshot found = null;
            if (v != null) {
                for (Snapshots.BindingSnapshot s : Snapshots.bindings(b, List.of(vhost))) {
                    if (s.source().equals(source) && s.destinationType().equals(type)
                            && s.destination().equals(destination)
                            && PropertiesKey.of(s.routingKey(), s.arguments()).equals(props)) {
                        found = s;
                    }
                }
            }
            if (found == null) {
                throw ApiException.notFound();
            }
            try {
                UserOperations.unbind(v, Authz.resources(b.access(), r, vhost), source, type, destination,
                        found.routingKey(), found.arguments(), null);
            } catch (AmqpException e) {
                throw Authz.declareError(e);
            }
            return ApiResponse.noContent();
        });
    }

    /** A path segment as RabbitMQ's Location header writes it. */
    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~");
    }
}
