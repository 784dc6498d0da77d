package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.auth.Permission;
import io.mensajero.broker.internal.auth.Regex;
import io.mensajero.broker.internal.auth.SecurityDefinitions;
import io.mensajero.broker.internal.auth.TopicPermission;
import io.mensajero.broker.internal.auth.User;
import io.mensajero.broker.internal.auth.VhostInfo;
import io.mensajero.broker.internal.model.BindingDestination;
import io.mensajero.broker.internal.model.ResourceNames;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.broker.internal.policy.Policies;
import io.mensajero.broker.internal.policy.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A definitions file read and checked (on the HTTP thread: passwords hashed, expressions
 * compiled, policies validated), then applied on the broker loop in RabbitMQ's order: vhosts,
 * users, permissions, policies, operator policies (parameters of component operator_policy), queues,
 * exchanges, bindings. A binding whose ends do not exist is
 * skipped, as RabbitMQ skips it.
 */
final class DefinitionsImport {
    private record QueueDef(String vhost, String name, boolean durable, boolean autoDelete, Map<String, Object> args) {
    }

    private record ExchangeDef(String vhost, String name, String type, boolean durable, boolean autoDelete,
                               boolean internal, Map<String, Object> args) {
    }

    private record BindingDef(String vhost, String source, String destination, String destinationType,
                              String routingKey, Map<String, Object> args) {
    }

    private final List<VhostInfo> vhosts = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<Permission> permissions = new ArrayList<>();
    private final List<TopicPermission> topicPermissions = new ArrayList<>();
    private final List<Policy> policies = new ArrayList<>();
    private final List<Policy> operatorPolicies = new ArrayList<>();
    private final List<QueueDef> queues = new ArrayList<>();
    private final List<ExchangeDef> exchanges = new ArrayList<>();
    private final List<BindingDef> bindings = new ArrayList<>();

    private DefinitionsImport() {
    }

    /** Reads a definitions file; anything it cannot use is a 400 saying what. */
    static DefinitionsImport read(Map<?, ?> raw, String onlyVhost) {
        DefinitionsImport plan = new DefinitionsImport();
        try {
            if (onlyVhost == null) {
                for (Map<String, Object> v : list(raw, "vhosts")) {
                    plan.vhosts.add(SecurityDefinitions.vhost(v));
                }
                for (Map<String, Object> u : list(raw, "users")) {
                    plan.users.add(SecurityDefinitions.user(u));
                }
                for (Map<String, Object> p : list(raw, "permissions")) {
                    plan.permissions.add(SecurityDefinitions.permission(p));
                }
                for (Map<String, Object> p : list(raw, "topic_permissions")) {
                    plan.topicPermissions.add(SecurityDefinitions.topicPermission(p));
                }
            }
            for (Map<String, Object> p : list(raw, "policies")) {
                String vhost = vhost(p, onlyVhost);
                plan.policies.add(Policies.parse(vhost, text(p, "name", null), p));
            }
            for (Map<String, Object> p : list(raw, "parameters")) {
                if ("operator_policy".equals(p.get("component")) && p.get("value") instanceof Map<?, ?> value) {
                    Map<String, Object> body = new java.util.LinkedHashMap<>();
                    value.forEach((k, v) -> body.put(String.valueOf(k), v));
                    plan.operatorPolicies.add(Policies.parse(Policies.Kind.OPERATOR_POLICY, vhost(p, onlyVhost),
                            text(p, "name", null), body));
                }
            }
            for (Map<String, Object> q : list(raw, "queues")) {
                plan.queues.add(new QueueDef(vhost(q, onlyVhost), text(q, "name", null), flag(q, "durable"),
                        flag(q, "auto_delete"), Json.toAmqpTable(q.get("arguments"))));
            }
            for (Map<String, Object> x : list(raw, "exchanges")) {
                plan.exchanges.add(new ExchangeDef(vhost(x, onlyVhost), text(x, "name", null),
                        text(x, "type", "direct"), flag(x, "durable"), flag(x, "auto_delete"), flag(x, "internal"),
                        Json.toAmqpTable(x.get("arguments"))));
            }
            for (Map<String, Object> b : list(raw, "bindings")) {
                plan.bindings.add(new BindingDef(vhost(b, onlyVhost), text(b, "source", null),
                        text(b, "destination", null), text(b, "destination_type", "queue"),
                        text(b, "routing_key", ""), Json.toAmqpTable(b.get("arguments"))));
            }
        } catch (Regex.Invalid e) {
            throw PermissionsResource.invalidRegex(e);
        } catch (Policies.Invalid e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (IllegalArgumentException | ClassCastException e) {
            throw ApiException.badRequest("invalid definitions: " + e.getMessage());
        }
        return plan;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<?, ?> raw, String key) {
        Object v = raw.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> items)) {
            throw new IllegalArgumentException("'" + key + "' must be a list");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map)) {
                throw new IllegalArgumentException("every entry of '" + key + "' must be an object");
            }
            out.add((Map<String, Object>) item);
        }
        return out;
    }

    private static String vhost(Map<String, Object> m, String onlyVhost) {
        if (onlyVhost != null) {
            return onlyVhost;
        }
        Object v = m.get("vhost");
        if (v == null) {
            throw ApiException.badRequest(List.of("no_such_vhost", "undefined"));
        }
        return v.toString();
    }

    private static String text(Map<String, Object> m, String key, String fallback) {
        Object v = m.get(key);
        if (v == null && fallback == null) {
            throw new IllegalArgumentException("an entry has no '" + key + "'");
        }
        return v == null ? fallback : v.toString();
    }

    private static boolean flag(Map<String, Object> m, String key) {
        return QueuesResource.bool(m, key);
    }

    /** On the broker loop. */
    void apply(BrokerContext b) {
        vhosts.forEach(b::putVhost);
        users.forEach(b.access()::putUser);
        for (Permission p : permissions) {
            requireUserAndVhost(b, p.user(), p.vhost());
            b.access().putPermission(p);
        }
        for (TopicPermission p : topicPermissions) {
            requireUserAndVhost(b, p.user(), p.vhost());
            b.access().putTopicPermission(p);
        }
        for (Policy p : policies) {
            vhost(b, p.vhost());
            b.policies().put(p);
        }
        for (Policy p : operatorPolicies) {
            vhost(b, p.vhost());
            b.operatorPolicies().put(p);
        }
        try {
            for (QueueDef q : queues) {
                VirtualHost v = vhost(b, q.vhost());
                ResourceNames.checkQueueName(q.name());
                v.declareQueue(q.name(), q.durable(), false, q.autoDelete(), q.args(), null);
            }
            for (ExchangeDef x : exchanges) {
                vhost(b, x.vhost()).declareExchange(x.name(), x.type(), x.durable(), x.autoDelete(), x.internal(),
                        x.args());
            }
            for (BindingDef d : bindings) {
                VirtualHost v = vhost(b, d.vhost());
                BindingDestination to = d.destinationType().equals("exchange") ? v.lookupExchange(d.destination())
                        : v.lookupQueue(d.destination());
                if (v.lookupExchange(d.source()) != null && to != null) {
                    v.bind(d.source(), to, d.routingKey(), d.args());
                }
            }
        } catch (AmqpException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static VirtualHost vhost(BrokerContext b, String name) {
        VirtualHost v = b.vhost(name);
        if (v == null) {
            throw ApiException.badRequest(List.of("no_such_vhost", name));
        }
        return v;
    }

    private static void requireUserAndVhost(BrokerContext b, String user, String vhost) {
        if (b.access().model().user(user) == null) {
            throw ApiException.badRequest(List.of("no_such_user", user));
        }
        vhost(b, vhost);
    }
}
