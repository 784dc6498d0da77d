package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.auth.SecurityDefinitions;
import io.mensajero.broker.internal.auth.SecurityModel;
import io.mensajero.broker.internal.model.Binding;
import io.mensajero.broker.internal.model.Exchange;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.broker.internal.policy.Policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET/POST /api/definitions} and {@code /api/definitions/{vhost}}: export and import in
 * RabbitMQ's definitions format, so a file moves between the brokers. Exported: users (with
 * password hashes), vhosts, permissions, topic permissions, policies, and the queues, exchanges
 * and bindings a client declared (not exclusive queues, not the built-in amq.* exchanges).
 * Administrators only.
 */
final class DefinitionsResource {
    private final BrokerBridge bridge;

    DefinitionsResource(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    void register(Router router) {
        router.get("/api/definitions", r -> export(r, null))
                .post("/api/definitions", r -> importDefinitions(r, null))
                .get("/api/definitions/{vhost}", r -> export(r, r.param("vhost")))
                .post("/api/definitions/{vhost}", r -> importDefinitions(r, r.param("vhost")));
    }

    private record Objects(List<Map<String, Object>> queues, List<Map<String, Object>> exchanges,
                           List<Map<String, Object>> bindings) {
    }

    private CompletableFuture<ApiResponse> export(ApiRequest r, String onlyVhost) {
        r.requireAdministrator();
        SecurityModel model = Authz.model(bridge);
        if (onlyVhost != null && model.vhost(onlyVhost) == null) {
            throw ApiException.notFound();
        }
        return bridge.call(r, b -> objects(b, onlyVhost)).thenApply(o -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("rabbit_version", Overview.RABBITMQ_VERSION);
            if (onlyVhost == null) {
                d.put("rabbitmq_version", Overview.RABBITMQ_VERSION);
                d.put("product_name", Overview.PRODUCT_NAME);
                d.put("product_version", Overview.PRODUCT_VERSION);
                d.put("users", model.users().stream().map(SecurityDefinitions::user).toList());
                d.put("vhosts", model.vhosts().stream().map(v -> Map.of("name", v.name())).toList());
                d.put("permissions", model.permissions().stream().map(SecurityDefinitions::permission).toList());
                d.put("topic_permissions", model.topicPermissions().stream()
                        .map(SecurityDefinitions::topicPermission).toList());
            }
            List<Map<String, Object>> parameters = new ArrayList<>();
            for (Policy p : bridge.broker().operatorPolicies().all()) {
                if (onlyVhost == null || p.vhost().equals(onlyVhost)) {
                    parameters.add(p.toParameter());
                }
            }
            d.put("parameters", parameters);
            if (onlyVhost == null) {
                d.put("global_parameters", List.of());
            }
            List<Map<String, Object>> policies = new ArrayList<>();
            for (Policy p : bridge.broker().policies().all()) {
                if (onlyVhost == null || p.vhost().equals(onlyVhost)) {
                    policies.add(p.toMap());
                }
            }
            d.put("policies", policies);
            d.put("queues", o.queues());
            d.put("exchanges", o.exchanges());
            d.put("bindings", o.bindings());
            return ApiResponse.ok(d);
        });
    }

    private static Map<String, Object> withoutVhost(Map<String, Object> m, String onlyVhost) {
        if (onlyVhost != null) {
            m.remove("vhost");
        }
        return m;
    }

    /** On the broker loop: the declared objects, as definitions list them. */
    private static Objects objects(BrokerContext b, String onlyVhost) {
        List<Map<String, Object>> queues = new ArrayList<>();
        List<Map<String, Object>> exchanges = new ArrayList<>();
        List<Map<String, Object>> bindings = new ArrayList<>();
        for (VirtualHost v : b.vhosts()) {
            if (onlyVhost != null && !v.name().equals(onlyVhost)) {
                continue;
            }
            for (MessageQueue q : v.queues()) {
                if (q.exclusive()) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", q.name());
                m.put("vhost", v.name());
                m.put("durable", q.durable());
                m.put("auto_delete", q.autoDelete());
                m.put("arguments", Json.table(q.arguments()));
                queues.add(withoutVhost(m, onlyVhost));
            }
            for (Exchange x : v.exchanges()) {
                if (!x.name().isEmpty() && !x.name().startsWith("amq.")) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", x.name());
                    m.put("vhost", v.name());
                    m.put("type", x.type());
                    m.put("durable", x.durable());
                    m.put("auto_delete", x.autoDelete());
                    m.put("internal", x.internal());
                    m.put("arguments", Json.table(x.arguments()));
                    exchanges.add(withoutVhost(m, onlyVhost));
                }
                for (Binding bd : x.bindings()) {
                    if (bd.destination() instanceof MessageQueue q && q.exclusive()) {
                        continue;
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("source", bd.source().name());
                    m.put("vhost", v.name());
                    m.put("destination", bd.destination().name());
                    m.put("destination_type", bd.destination().kind());
                    m.put("routing_key", bd.routingKey());
                    m.put("arguments", Json.table(bd.arguments()));
                    bindings.add(withoutVhost(m, onlyVhost));
                }
            }
        }
        return new Objects(queues, exchanges, bindings);
    }

    private CompletableFuture<ApiResponse> importDefinitions(ApiRequest r, String onlyVhost) {
        r.requireAdministrator();
        Object parsed = Json.parse(r.body(), "failed_to_parse_json");
        if (!(parsed instanceof Map<?, ?> raw)) {
            throw ApiException.badRequest("failed_to_parse_json");
        }
        if (onlyVhost != null && Authz.model(bridge).vhost(onlyVhost) == null) {
            throw ApiException.notFound();
        }
        DefinitionsImport plan = DefinitionsImport.read(raw, onlyVhost);
        return bridge.call(r, b -> {
            plan.apply(b);
            return ApiResponse.noContent();
        });
    }
}
