package io.mensajero.broker.internal.arguments;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PoliciesTest {

    private static PolicyRule rule(String name, String pattern, String applyTo, int priority, Object... kv) {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            d.put((String) kv[i], kv[i + 1]);
        }
        return PolicyRule.of(name, pattern, applyTo, priority, d);
    }

    @Test
    void thePatternMatchesAnywhereAndApplyToFilters() {
        List<PolicyRule> rules = List.of(rule("mid", "orders", "queues", 0, "max-length", 1),
                rule("x", ".*", "exchanges", 9, "alternate-exchange", "ae"));
        assertThat(Policies.forQueue(rules, "eu.orders.new", QueueType.CLASSIC).name()).isEqualTo("mid");
        assertThat(Policies.forQueue(rules, "payments", QueueType.CLASSIC)).isNull();
        assertThat(Policies.forExchange(rules, "eu.orders").name()).isEqualTo("x");
    }

    @Test
    void theHighestPriorityWinsAndTheFirstOfEqualOnes() {
        List<PolicyRule> rules = List.of(rule("a", "^q", "all", 1), rule("b", "^q", "queues", 5),
                rule("c", "^q", "queues", 5), rule("d", "^q", "queues", 2));
        assertThat(Policies.forQueue(rules, "q1", QueueType.CLASSIC).name()).isEqualTo("b");
    }

    @Test
    void aPolicyWithAKeyTheTypeCannotApplyDoesNotMatchIt() {
        List<PolicyRule> rules = List.of(rule("limit", "^q", "queues", 10, "delivery-limit", 3, "max-length", 1),
                rule("length", "^q", "queues", 1, "max-length", 2));
        assertThat(Policies.forQueue(rules, "q", QueueType.CLASSIC).name()).isEqualTo("length");
        assertThat(Policies.forQueue(rules, "q", QueueType.QUORUM).name()).isEqualTo("limit");
        assertThat(Policies.forQueue(List.of(rule("p", "^q", "all", 0, "max-priority", 5)), "q", QueueType.QUORUM))
                .isNull();
    }

    @Test
    void anOperatorPolicyCapsNumbersAndAddsKeys() {
        PolicyRule policy = rule("p", "^q", "queues", 0, "max-length", 10, "message-ttl", 100,
                "dead-letter-exchange", "dlx");
        PolicyRule operator = rule("o", "^q", "queues", 0, "max-length", 3, "message-ttl", 500, "expires", 60_000);
        assertThat(Policies.merge(policy, operator)).isEqualTo(Map.of("max-length", 3L, "message-ttl", 100L,
                "dead-letter-exchange", "dlx", "expires", 60_000));
        assertThat(Policies.merge(null, operator)).isEqualTo(operator.definition());
        assertThat(Policies.merge(null, null)).isEmpty();
    }

    @Test
    void classicQueuesTakeTheSmallerLimitsAndTheArgumentsDeadLettering() {
        QueueSettings args = new QueueSettings(QueueType.CLASSIC, 5_000L, 100L, "arg-dlx", null, null, 10L, null,
                Overflow.REJECT_PUBLISH, 5, false, null);
        QueueSettings s = args.withPolicy(Map.of("expires", 1_000, "message-ttl", 500, "dead-letter-exchange", "pol-dlx",
                "dead-letter-routing-key", "pol-key", "max-length", 3, "max-length-bytes", 99, "overflow", "drop-head",
                "delivery-limit", 1));
        assertThat(s).isEqualTo(new QueueSettings(QueueType.CLASSIC, 1_000L, 100L, "arg-dlx", "pol-key", null, 3L,
                99L, Overflow.REJECT_PUBLISH, 5, false, null));
    }

    @Test
    void quorumQueuesTakeThePolicysExpiresAndOverflow() {
        QueueSettings args = new QueueSettings(QueueType.QUORUM, 5_000L, null, null, null, null, 1L, null,
                Overflow.DROP_HEAD, null, true, 5L);
        QueueSettings s = args.withPolicy(Map.of("expires", 60_000, "overflow", "reject-publish", "delivery-limit", 2,
                "max-length", 7, "dead-letter-strategy", "at-least-once"));
        assertThat(s).isEqualTo(new QueueSettings(QueueType.QUORUM, 60_000L, null, null, null, "at-least-once", 1L,
                null, Overflow.REJECT_PUBLISH, null, true, 2L));
    }

    @Test
    void anAppliedPolicyMergesBothAndCombinesWithTheArguments() {
        QueueSettings args = QueueArguments.settings(Map.of("x-max-length", 8));
        AppliedPolicy applied = AppliedPolicy.of(rule("p", "^ord", "queues", 0, "max-length", 5),
                rule("o", "s$", "queues", 0, "max-length", 2));
        assertThat(applied.policy()).isEqualTo("p");
        assertThat(applied.operatorPolicy()).isEqualTo("o");
        assertThat(args.withPolicy(applied.definition()).maxLength()).isEqualTo(2L);
        assertThat(AppliedPolicy.of(null, null)).isSameAs(AppliedPolicy.NONE);
    }

    @Test
    void anExchangesArgumentBeatsItsPolicysAlternate() {
        assertThat(ExchangeArguments.alternateExchange(Map.of("alternate-exchange", "arg"),
                Map.of("alternate-exchange", "pol"))).isEqualTo("arg");
        assertThat(ExchangeArguments.alternateExchange(Map.of(), Map.of("alternate-exchange", "pol"))).isEqualTo("pol");
        assertThat(ExchangeArguments.alternateExchange(null, null)).isNull();
    }
}
