package io.mensajero.broker.internal.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RabbitMQ's validation of a policy definition: the keys it recognises, the values each takes,
 * and its messages. {@link #validate} returns null when the definition is valid.
 */
final class PolicyValidation {
    private PolicyValidation() {
    }

    private static final Set<String> STRING_KEYS = Set.of("alternate-exchange", "dead-letter-exchange",
            "dead-letter-routing-key", "federation-upstream", "federation-upstream-set", "queue-master-locator",
            "queue-leader-locator", "dead-letter-strategy", "ha-sync-mode", "ha-promote-on-shutdown",
            "ha-promote-on-failure", "ha-mode");
    private static final Set<String> OPERATOR_KEYS = io.mensajero.broker.internal.arguments.Policies.OPERATOR_KEYS;
    private static final Set<String> OTHER_KEYS = Set.of("message-ttl", "expires", "max-length",
            "max-length-bytes", "queue-mode", "overflow", "delivery-limit", "queue-version", "max-age",
            "stream-max-segment-size-bytes", "initial-cluster-size", "ha-params", "ha-sync-batch-size",
            "max-in-memory-length", "max-in-memory-bytes");

    /**
     * The reason a definition is invalid, in RabbitMQ's words, or null. An operator policy may hold
     * only the keys of {@link io.mensajero.broker.internal.arguments.Policies#OPERATOR_KEYS}.
     */
    static String validate(Map<String, Object> definition, boolean operator) {
        if (definition.isEmpty()) {
            return "no policy provided";
        }
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, Object> e : definition.entrySet()) {
            if (operator ? !OPERATOR_KEYS.contains(e.getKey())
                    : !STRING_KEYS.contains(e.getKey()) && !OTHER_KEYS.contains(e.getKey())) {
                unknown.add(ErlangTerms.tuple(e.getKey(), e.getValue()));
            }
        }
        if (!unknown.isEmpty()) {
            return "[" + String.join(",", unknown) + "] are not recognised policy settings";
        }
        for (Map.Entry<String, Object> e : definition.entrySet()) {
            String error = value(e.getKey(), e.getValue());
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private static String value(String key, Object v) {
        String shown = ErlangTerms.print(v);
        return switch (key) {
            case "alternate-exchange" -> v instanceof String ? null : shown + " is not a valid alternate exchange name";
            case "dead-letter-exchange" -> v instanceof String ? null : shown + " is not a valid dead letter exchange name";
            case "dead-letter-routing-key" -> v instanceof String ? null : shown + " is not a valid dead letter routing key";
            case "message-ttl" -> integerAtLeast(v, 0) ? null : shown + " is not a valid message TTL";
            case "expires" -> integerAtLeast(v, 1) ? null : shown + " is not a valid queue expiry";
            case "max-length" -> integerAtLeast(v, 0) ? null : shown + " is not a valid maximum length";
            case "max-length-bytes" -> integerAtLeast(v, 0) ? null : shown + " is not a valid maximum length in bytes";
            case "max-in-memory-length", "max-in-memory-bytes" -> integerAtLeast(v, 0) ? null
                    : shown + " is not a valid maximum memory in bytes";
            case "delivery-limit" -> integerAtLeast(v, 0) ? null : shown + " is not a valid delivery limit";
            case "queue-mode" -> "default".equals(v) || "lazy".equals(v) ? null : shown + " is not a valid queue-mode value";
            case "queue-version" -> integerAtLeast(v, 1) && ((Number) v).longValue() <= 2 ? null
                    : shown + " is not a valid queue version";
            case "overflow" -> "drop-head".equals(v) || "reject-publish".equals(v) || "reject-publish-dlx".equals(v)
                    ? null : shown + " is not a valid overflow value";
            case "ha-mode" -> "all".equals(v) || "exactly".equals(v) || "nodes".equals(v) ? null
                    : "ha-mode " + shown + " not recognised";
            default -> null;
        };
    }

    private static boolean integerAtLeast(Object v, long min) {
        return (v instanceof Integer || v instanceof Long) && ((Number) v).longValue() >= min;
    }
}
