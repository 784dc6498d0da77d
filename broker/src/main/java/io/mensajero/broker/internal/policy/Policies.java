package io.mensajero.broker.internal.policy;

import io.mensajero.broker.internal.arguments.PolicyRule;
import io.mensajero.broker.internal.arguments.QueueType;
import io.mensajero.broker.internal.auth.Regex;
import io.mensajero.broker.internal.definitions.DefinitionsStore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broker's policies, by vhost and name, kept in the {@link DefinitionsStore}. Changed on the
 * broker loop; the current set is an immutable value any thread may read.
 */
public final class Policies {
    /** A policy that RabbitMQ would refuse; the message is RabbitMQ's. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final DefinitionsStore store;
    private volatile Map<String, Policy> policies = Map.of();

    public Policies(DefinitionsStore store) {
        this.store = store;
        Map<String, Policy> loaded = new LinkedHashMap<>();
        for (Map<String, Object> m : store.load("policies").values()) {
            try {
                Policy p = parse(String.valueOf(m.get("vhost")), String.valueOf(m.get("name")), m);
                loaded.put(key(p.vhost(), p.name()), p);
            } catch (Invalid e) {
                throw new IllegalStateException("a stored policy is invalid: " + e.getMessage(), e);
            }
        }
        this.policies = Collections.unmodifiableMap(loaded);
    }

    /**
     * Reads and validates a policy as RabbitMQ's API takes it ({@code pattern}, {@code definition},
     * optional {@code priority} and {@code apply-to}).
     */
    public static Policy parse(String vhost, String name, Map<String, Object> body) throws Invalid {
        for (String key : List.of("pattern", "definition")) {
            if (!body.containsKey(key)) {
                throw new Invalid("[{key_missing," + key + "}]");
            }
        }
        List<String> errors = new ArrayList<>();
        Object pattern = body.get("pattern");
        java.util.regex.Pattern compiled = null;
        if (!(pattern instanceof String p)) {
            errors.add("pattern should be a binary, actually was " + ErlangTerms.print(pattern));
        } else {
            try {
                compiled = Regex.compile(p);
            } catch (Regex.Invalid e) {
                errors.add("pattern should be regular expression but is invalid: {\"" + e.description() + "\","
                        + e.offset() + "}");
            }
        }
        String applyTo = body.get("apply-to") == null ? "all" : String.valueOf(body.get("apply-to"));
        if (!List.of("queues", "exchanges", "all").contains(applyTo)) {
            errors.add("apply-to '" + applyTo + "' unrecognised; should be 'queues', 'exchanges' or 'all'");
        }
        Object priority = body.getOrDefault("priority", 0);
        if (!(priority instanceof Number)) {
            errors.add("priority should be a number, actually was " + ErlangTerms.print(priority));
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        if (body.get("definition") instanceof Map<?, ?> d) {
            d.forEach((k, v) -> definition.put(String.valueOf(k), v));
            String error = PolicyValidation.validate(definition);
            if (error != null) {
                errors.add(error);
            }
        } else {
            errors.add("definition should be a JSON object, actually was " + ErlangTerms.print(body.get("definition")));
        }
        if (!errors.isEmpty()) {
            throw new Invalid("Validation failed\n\n" + String.join("\n", errors) + "\n");
        }
        return new Policy(vhost, name, (String) pattern, applyTo, Collections.unmodifiableMap(definition),
                ((Number) priority).intValue(), compiled);
    }

    public List<Policy> all() {
        return List.copyOf(policies.values());
    }

    public Policy get(String vhost, String name) {
        return policies.get(key(vhost, name));
    }

    /** Creates or replaces a policy; returns true when it is new. */
    public boolean put(Policy policy) {
        Map<String, Policy> next = new LinkedHashMap<>(policies);
        boolean created = next.put(key(policy.vhost(), policy.name()), policy) == null;
        policies = Collections.unmodifiableMap(next);
        store.put("policies", key(policy.vhost(), policy.name()), policy.toMap());
        return created;
    }

    public boolean delete(String vhost, String name) {
        Map<String, Policy> next = new LinkedHashMap<>(policies);
        boolean removed = next.remove(key(vhost, name)) != null;
        policies = Collections.unmodifiableMap(next);
        store.remove("policies", key(vhost, name));
        return removed;
    }

    public void deleteVhost(String vhost) {
        for (Policy p : all()) {
            if (p.vhost().equals(vhost)) {
                delete(vhost, p.name());
            }
        }
    }

    /**
     * The policy RabbitMQ would apply to a queue (of the type its arguments declare) or an
     * exchange, as issue 10's policy model picks it ({@link io.mensajero.broker.internal.arguments.Policies}):
     * the highest priority among those that match, a queue's only among those whose every key its
     * type supports. Null when none does.
     */
    public Policy effective(String vhost, String kind, String resourceName, Map<String, Object> arguments) {
        List<PolicyRule> rules = new ArrayList<>();
        for (Policy p : policies.values()) {
            if (p.vhost().equals(vhost)) {
                rules.add(p.rule());
            }
        }
        PolicyRule rule = kind.equals("queue")
                ? io.mensajero.broker.internal.arguments.Policies.forQueue(rules, resourceName,
                        QueueType.of(arguments == null ? Map.of() : arguments))
                : io.mensajero.broker.internal.arguments.Policies.forExchange(rules, resourceName);
        return rule == null ? null : get(vhost, rule.name());
    }

    private static String key(String vhost, String name) {
        return URLEncoder.encode(vhost, StandardCharsets.UTF_8) + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
