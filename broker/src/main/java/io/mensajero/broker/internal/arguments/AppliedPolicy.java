package io.mensajero.broker.internal.arguments;

import java.util.Collections;
import java.util.Map;

/**
 * What applies to one queue or exchange from its vhost's policies: the name of the policy and of
 * the operator policy that match it (null for none) and the definition they make together
 * ({@link Policies#merge}), which the management API shows as {@code effective_policy_definition}.
 */
public record AppliedPolicy(String policy, String operatorPolicy, Map<String, Object> definition) {
    /** Nothing matches. */
    public static final AppliedPolicy NONE = new AppliedPolicy(null, null, Map.of());

    public AppliedPolicy {
        definition = Collections.unmodifiableMap(definition);
    }

    /** The policy and operator policy that match (either may be null), merged. */
    public static AppliedPolicy of(PolicyRule policy, PolicyRule operatorPolicy) {
        if (policy == null && operatorPolicy == null) {
            return NONE;
        }
        return new AppliedPolicy(policy == null ? null : policy.name(),
                operatorPolicy == null ? null : operatorPolicy.name(), Policies.merge(policy, operatorPolicy));
    }
}
