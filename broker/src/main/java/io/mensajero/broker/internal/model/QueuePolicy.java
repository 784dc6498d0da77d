package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.arguments.AppliedPolicy;
import io.mensajero.broker.internal.arguments.QueueSettings;

/**
 * A queue's settings as its arguments and its policies make them: what applies from the vhost's
 * policies ({@link VhostPolicies}) and the settings the queue lives by, its arguments combined with
 * that key by key as RabbitMQ 3.10 does ({@link QueueSettings#withPolicy}: the smaller TTL, length
 * and expiry, the argument's dead-letter exchange and routing key, ...).
 */
final class QueuePolicy {
    private final QueueSettings arguments;
    private AppliedPolicy applied = AppliedPolicy.NONE;
    private QueueSettings settings;

    QueuePolicy(QueueSettings arguments, AppliedPolicy applied) {
        this.arguments = arguments;
        this.settings = arguments;
        take(applied);
    }

    /** Takes what applies now; returns whether it changed (the queue must then apply its new settings). */
    boolean take(AppliedPolicy next) {
        if (next.equals(applied)) {
            return false;
        }
        applied = next;
        settings = arguments.withPolicy(next.definition());
        return true;
    }

    AppliedPolicy applied() {
        return applied;
    }

    /** The settings in force: the arguments with the policy and operator policy. */
    QueueSettings settings() {
        return settings;
    }
}
