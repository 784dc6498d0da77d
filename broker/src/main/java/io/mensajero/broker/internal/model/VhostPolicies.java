package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.arguments.AppliedPolicy;
import io.mensajero.broker.internal.arguments.Policies;
import io.mensajero.broker.internal.arguments.PolicyRule;
import io.mensajero.broker.internal.arguments.QueueType;

import java.util.ArrayList;
import java.util.List;

/**
 * A vhost's policies and operator policies as its queues and exchanges apply them, as RabbitMQ
 * 3.10 does: each queue and exchange takes the matching policy and operator policy
 * ({@link Policies}) when it is declared or recovered, and again whenever the vhost's policies
 * change, so a policy set or cleared later applies to what exists. A queue then lives by its
 * arguments combined with them ({@link QueuePolicy}); an exchange reads its alternate-exchange.
 * The default exchange takes no policy. Confined to the broker thread.
 */
final class VhostPolicies {
    private List<PolicyRule> policies = List.of();
    private List<PolicyRule> operatorPolicies = List.of();

    AppliedPolicy forQueue(String queueName, QueueType type) {
        return AppliedPolicy.of(Policies.forQueue(policies, queueName, type),
                Policies.forQueue(operatorPolicies, queueName, type));
    }

    AppliedPolicy forExchange(String exchangeName) {
        if (exchangeName.isEmpty()) {
            return AppliedPolicy.NONE;
        }
        return AppliedPolicy.of(Policies.forExchange(policies, exchangeName),
                Policies.forExchange(operatorPolicies, exchangeName));
    }

    /**
     * The vhost's rules changed: every exchange, then every queue, takes what matches now (an
     * exchange first, so that what a queue dead-letters at once meets its exchange's new alternate).
     */
    void update(List<PolicyRule> policies, List<PolicyRule> operatorPolicies, VirtualHost vhost) {
        this.policies = List.copyOf(policies);
        this.operatorPolicies = List.copyOf(operatorPolicies);
        for (Exchange x : vhost.exchanges()) {
            x.applyPolicy(forExchange(x.name()));
        }
        for (MessageQueue q : new ArrayList<>(vhost.queues())) {
            q.policyChanged(forQueue(q.name(), q.settings().type()));
        }
    }
}
