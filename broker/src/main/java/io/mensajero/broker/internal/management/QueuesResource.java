package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.info.ConsumerInfo;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.UserOperations;
import io.mensajero.broker.internal.model.ResourceNames;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.broker.internal.stats.StatsRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/queues}, {@code /api/queues/{vhost}}, {@code /api/queues/{vhost}/{name}} (get,
 * declare, delete), {@code .../contents} (purge) and {@code .../bindings}. Declares and deletes
 * are checked against the user's permissions, as the same AMQP methods are.
 */
final class QueuesResource {
    private final BrokerBridge bridge;

    QueuesResource(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    void register(Router router) {
        router.get("/api/queues", r -> list(r, Authz.scope(bridge, r)))
                .get("/api/queues/{vhost}", r -> list(r, Authz.scope(bridge, r)))
                .get("/api/queues/{vhost}/{name}", this::get)
                .put("/api/queues/{vhost}/{name}", this::put)
                .delete("/api/queues/{vhost}/{name}", this::delete)
                .delete("/api/queues/{vhost}/{name}/contents", this::purge)
                .get("/api/queues/{vhost}/{name}/bindings", this::bindings);
    }

    private CompletableFuture<ApiResponse> list(ApiRequest r, List<String> vhosts) {
        return bridge.call(r, b -> Snapshots.queues(b, vhosts)).thenApply(queues -> {
            List<Map<String, Object>> items = new ArrayList<>(queues.size());
            for (Snapshots.QueueSnapshot q : queues) {
                items.add(Render.queue(q));
            }
            return Listing.reply(r, items, "vhost", "name");
        });
    }

    private record Detail(Snapshots.QueueSnapshot queue, List<ConsumerInfo> consumers) {
    }

    private CompletableFuture<ApiResponse> get(ApiRequest r) {
        String vhost = r.param("vhost");
        String name = r.param("name");
        Authz.vhost(bridge, r, vhost, true);
        return bridge.call(r, b -> {
            MessageQueue q = queue(b, vhost, name);
            List<ConsumerInfo> consumers = new ArrayList<>();
            for (ConsumerInfo c : Snapshots.consumers(b)) {
                if (c.queue().equals(name) && c.vhost().equals(vhost)) {
                    consumers.add(c);
                }
            }
            return new Detail(Snapshots.queue(b, q), consumers);
        }).thenApply(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Map<String, Object>> consumers = new ArrayList<>();
            d.consumers().forEach(c -> consumers.add(Render.consumer(c)));
            m.put("consumer_details", consumers);
            m.putAll(Render.queue(d.queue()));
            m.put("deliveries", List.of());
            m.put("incoming", List.of());
            return ApiResponse.ok(Listing.select(List.of(m), columns(r)).get(0));
        });
    }

    static List<String> columns(ApiRequest r) {
        String c = r.query("columns");
        return c == null || c.isBlank() ? List.of() : List.of(c.split(","));
    }

    static MessageQueue queue(BrokerContext b, String vhost, String name) {
        VirtualHost v = b.vhost(vhost);
        MessageQueue q = v == null ? null : v.lookupQueue(name);
        if (q == null) {
            throw ApiException.notFound();
        }
        return q;
    }

    private CompletableFuture<ApiResponse> put(ApiRequest r) {
        String vhost = r.param("vhost");
        String name = r.param("name");
        Map<String, Object> body = r.jsonObject();
        boolean durable = bool(body, "durable");
        boolean autoDelete = bool(body, "auto_delete");
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
            boolean created = v.lookupQueue(name) == null;
            try {
                ResourceNames.checkQueueName(name);
                UserOperations.declareQueue(v, Authz.resources(b.access(), r, vhost), name, durable, false,
                        autoDelete, arguments, null);
            } catch (AmqpException e) {
                throw Authz.declareError(e);
            }
            if (created) {
                b.stats().count(StatsRegistry.QUEUE_CREATED);
            }
            b.stats().count(StatsRegistry.QUEUE_DECLARED);
            return ApiResponse.createdOrUpdated(created);
        });
    }

    /** A boolean field; RabbitMQ's 400 ["not_boolean", value] when it is something else. */
    static boolean bool(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equals(v) || "false".equals(v)) {
            return "true".equals(v);
        }
        throw ApiException.badRequest(List.of("not_boolean", String.valueOf(v)));
    }

    private CompletableFuture<ApiResponse> delete(ApiRequest r) {
        boolean ifUnused = "true".equals(r.query("if-unused"));
        boolean ifEmpty = "true".equals(r.query("if-empty"));
        return onQueue(r, (b, q) -> {
            UserOperations.deleteQueue(q.vhost(), Authz.resources(b.access(), r, q.vhost().name()), q.name(),
                    ifUnused, ifEmpty, q.exclusiveOwner());
            b.stats().count(StatsRegistry.QUEUE_DELETED);
        });
    }

    private CompletableFuture<ApiResponse> purge(ApiRequest r) {
        return onQueue(r, (b, q) -> UserOperations.purge(q.vhost(), Authz.resources(b.access(), r, q.vhost().name()),
                q.name(), q.exclusiveOwner()));
    }

    /** Something done to an existing queue on the user's behalf: 404 if it is not there, 204 when done. */
    private CompletableFuture<ApiResponse> onQueue(ApiRequest r, java.util.function.BiConsumer<BrokerContext, MessageQueue> op) {
        String vhost = r.param("vhost");
        String name = r.param("name");
        Authz.vhost(bridge, r, vhost, false);
        return bridge.call(r, b -> {
            MessageQueue q = queue(b, vhost, name);
            try {
                op.accept(b, q);
            } catch (AmqpException e) {
                throw Authz.declareError(e);
            }
            return ApiResponse.noContent();
        });
    }

    private CompletableFuture<ApiResponse> bindings(ApiRequest r) {
        String vhost = r.param("vhost");
        String name = r.param("name");
        Authz.vhost(bridge, r, vhost, true);
        return bridge.call(r, b -> {
            queue(b, vhost, name);
            List<Snapshots.BindingSnapshot> out = new ArrayList<>();
            for (Snapshots.BindingSnapshot s : Snapshots.bindings(b, List.of(vhost))) {
                if (s.destinationType().equals("queue") && s.destination().equals(name)) {
                    out.add(s);
                }
            }
            return out;
        }).thenApply(list -> BindingsResource.reply(r, list));
    }
}
