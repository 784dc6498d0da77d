package io.mensajero.broker.internal.arguments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How RabbitMQ 3.10 picks the policy of a queue or exchange and combines it with an operator
 * policy. Pure functions over a vhost's rules; the broker calls them when a queue or exchange is
 * declared and when the policies change.
 *
 * <ul>
 *   <li>A rule matches when apply-to admits the kind, its pattern matches the name, and, for a
 *       queue, the queue's type supports every key of its definition (a policy with
 *       {@code delivery-limit} never matches a classic queue, so a lower-priority one may).</li>
 *   <li>Of the matching rules the one with the highest priority applies; between equal priorities,
 *       the first in the given order.</li>
 *   <li>The policy and the operator policy are merged key by key: a key only one of them sets is
 *       taken; where both set expires, message-ttl, max-length, max-length-bytes,
 *       max-in-memory-length, max-in-memory-bytes or delivery-limit, the smaller value wins
 *       (these are the only keys an operator policy may hold).</li>
 * </ul>
 * What matched is an {@link AppliedPolicy}; its merged definition is then combined with the
 * queue's own arguments by {@link QueueSettings#withPolicy}, and for exchanges by
 * {@link ExchangeArguments#alternateExchange}.
 */
public final class Policies {
    /** The keys an operator policy may set; merged with a policy's by taking the smaller value. */
    public static final Set<String> OPERATOR_KEYS = Set.of("expires", "message-ttl", "max-length",
            "max-length-bytes", "max-in-memory-length", "max-in-memory-bytes", "delivery-limit");

    private Policies() {
    }

    /** The rule that applies to a queue of this name and type, or null. */
    public static PolicyRule forQueue(List<PolicyRule> rules, String queueName, QueueType type) {
        PolicyRule best = null;
        for (PolicyRule r : rules) {
            if (r.matches(true, queueName) && supportsAll(type, r.definition())
                    && (best == null || r.priority() > best.priority())) {
                best = r;
            }
        }
        return best;
    }

    /** The rule that applies to an exchange of this name, or null. */
    public static PolicyRule forExchange(List<PolicyRule> rules, String exchangeName) {
        PolicyRule best = null;
        for (PolicyRule r : rules) {
            if (r.matches(false, exchangeName) && (best == null || r.priority() > best.priority())) {
                best = r;
            }
        }
        return best;
    }

    /** The definition in force: the policy's and the operator policy's merged as RabbitMQ merges them. */
    public static Map<String, Object> merge(PolicyRule policy, PolicyRule operatorPolicy) {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (policy != null) {
            merged.putAll(policy.definition());
        }
        if (operatorPolicy != null) {
            operatorPolicy.definition().forEach((key, opValue) -> merged.merge(key, opValue, (value, op) ->
                    value instanceof Number a && op instanceof Number b && OPERATOR_KEYS.contains(key)
                            ? (Object) Long.valueOf(Math.min(a.longValue(), b.longValue())) : op));
        }
        return merged;
    }

    private static boolean supportsAll(QueueType type, Map<String, Object> definition) {
        for (String key : definition.keySet()) {
            if (!type.supportsPolicyKey(key)) {
                return false;
            }
        }
        return true;
    }
}
