package io.mensajero.broker.internal.policy;

import io.mensajero.broker.internal.arguments.PolicyRule;
import io.mensajero.broker.internal.auth.Regex;
import io.mensajero.broker.internal.definitions.DefinitionsStore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The broker's policies, or its operator policies, by vhost and name, kept in the
 * {@link DefinitionsStore}. Changed on the broker loop, where each change is passed on (so that it
 * applies to the vhost's queues and exchanges); the current set is an immutable value any thread
 * may read.
 */
public final class Policies {
    /** Policies, or operator policies (set by administrators; capping policies, see arguments.Policies). */
    public enum Kind {
        POLICY("policies"), OPERATOR_POLICY("operator_policies");

        private final String storeKind;

        Kind(String storeKind) {
            this.storeKind = storeKind;
        }
    }

    /** A policy that RabbitMQ would refuse; the message is RabbitMQ's. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final DefinitionsStore store;
    private final Kind kind;
    private volatile Map<String, Policy> policies = Map.of();
    private Consumer<String> changed = vhost -> { };

    /** The policies kept in the store. */
    public Policies(DefinitionsStore store) {
        this(store, Kind.POLICY);
    }

    public Policies(DefinitionsStore store, Kind kind) {
        this.store = store;
        this.kind = kind;
        Map<String, Policy> loaded = new LinkedHashMap<>();
        for (Map<String, Object> m : store.load(kind.storeKind).values()) {
            try {
                Policy p = parse(kind, String.valueOf(m.get("vhost")), String.valueOf(m.get("name")), m);
                loaded.put(key(p.vhost(), p.name()), p);
            } catch (Invalid e) {
                throw new IllegalStateException("a stored policy is invalid: " + e.getMessage(), e);
            }
        }
        this.policies = Collections.unmodifiableMap(loaded);
    }

    /** Who is told, on the loop, the vhost whose policies of this kind were set or cleared. */
    public void onChange(Consumer<String> listener) {
        this.changed = listener;
    }

    /**
     * Reads and validates a policy as RabbitMQ's API takes it ({@code pattern}, {@code definition},
     * optional {@code priority} and {@code apply-to}).
     */
    public static Policy parse(String vhost, String name, Map<String, Object> body) throws Invalid {
        return parse(Kind.POLICY, vhost, name, body);
    }

    /** Reads and validates a policy of this kind: an operator policy's definition holds only operator keys. */
    public static Policy parse(Kind kind, String vhost, String name, Map<String, Object> body) throws Invalid {
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
            String error = PolicyValidation.validate(definition, kind == Kind.OPERATOR_POLICY);
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
        store.put(kind.storeKind, key(policy.vhost(), policy.name()), policy.toMap());
        changed.accept(policy.vhost());
        return created;
    }

    public boolean delete(String vhost, String name) {
        Map<String, Policy> next = new LinkedHashMap<>(policies);
        boolean removed = next.remove(key(vhost, name)) != null;
        policies = Collections.unmodifiableMap(next);
        store.remove(kind.storeKind, key(vhost, name));
        if (removed) {
            changed.accept(vhost);
        }
        return removed;
    }

    public void deleteVhost(String vhost) {
        for (Policy p : all()) {
            if (p.vhost().equals(vhost)) {
                delete(vhost, p.name());
            }
        }
    }

    /** A vhost's policies as the model matches them, in the order they were first set. */
    public List<PolicyRule> rules(String vhost) {
        List<PolicyRule> rules = new ArrayList<>();
        for (Policy p : policies.values()) {
            if (p.vhost().equals(vhost)) {
                rules.add(p.rule());
            }
        }
        return rules;
    }

    private static String key(String vhost, String name) {
        return URLEncoder.encode(vhost, StandardCharsets.UTF_8) + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
