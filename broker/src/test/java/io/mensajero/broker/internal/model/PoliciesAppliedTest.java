package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.arguments.PolicyRule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policies applied by a vhost to its queues and exchanges, as the broker applies them when the
 * management API sets or clears one (the differential scenario PoliciesApplyToMatchingQueues checks
 * the same against RabbitMQ).
 */
class PoliciesAppliedTest {
    private final ManualTimers timers = new ManualTimers();
    private final VirtualHost vhost = new VirtualHost("/", new MemoryGauge(Long.MAX_VALUE), timers);

    private static PolicyRule rule(String name, String pattern, String applyTo, Object... kv) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            d.put((String) kv[i], kv[i + 1]);
        }
        return PolicyRule.of(name, pattern, applyTo, 0, d);
    }

    private static Message message(String queue, String body) {
        return new Message("", queue, new byte[] {0, 0}, body.getBytes(StandardCharsets.UTF_8));
    }

    private MessageQueue queue(String name, Map<String, Object> arguments) {
        return vhost.declareQueue(name, false, false, false, arguments, null);
    }

    @Test
    void aPolicySetLaterDropsTheHeadAtOnceAndClearingItLiftsTheLimit() {
        MessageQueue q = queue("jobs", Map.of());
        for (String b : List.of("1", "2", "3")) {
            q.enqueue(message("jobs", b));
        }
        vhost.policiesChanged(List.of(rule("cap", "^jobs$", "queues", "max-length", 1)), List.of());
        assertThat(q.messageCount()).isEqualTo(1);
        assertThat(q.policy().policy()).isEqualTo("cap");
        assertThat(q.policy().definition()).isEqualTo(Map.of("max-length", 1));
        vhost.policiesChanged(List.of(), List.of());
        assertThat(q.policy().policy()).isNull();
        q.enqueue(message("jobs", "4"));
        q.enqueue(message("jobs", "5"));
        assertThat(QueueArgumentsAppliedTest.drain(q)).containsExactly("3", "4", "5");
    }

    @Test
    void whatTheHeadDropsIsDeadLetteredByThePolicysExchange() {
        MessageQueue dead = queue("dead", Map.of());
        MessageQueue q = queue("work", Map.of());
        q.enqueue(message("work", "old"));
        q.enqueue(message("work", "new"));
        vhost.policiesChanged(List.of(rule("p", "^work$", "queues", "max-length", 1,
                "dead-letter-exchange", "", "dead-letter-routing-key", "dead")), List.of());
        assertThat(QueueArgumentsAppliedTest.drain(dead)).containsExactly("old");
        assertThat(QueueArgumentsAppliedTest.drain(q)).containsExactly("new");
    }

    @Test
    void aQueueDeclaredAfterThePolicyTakesItAndTheSmallerOfItsArgument() {
        vhost.policiesChanged(List.of(rule("p", "^q", "all", "max-length", 2)),
                List.of(rule("op", "^q", "queues", "max-length", 3, "message-ttl", 50)));
        MessageQueue q = queue("q1", Map.of("x-max-length", 5));
        assertThat(q.settings().maxLength()).isEqualTo(2L);
        assertThat(q.settings().messageTtl()).isEqualTo(50L);
        assertThat(q.policy().operatorPolicy()).isEqualTo("op");
        q.enqueue(message("q1", "expires"));
        timers.advance(50);
        assertThat(q.messageCount()).isZero();
    }

    @Test
    void anExpiresSetLaterStartsItsCountdownAndDeletesTheUnusedQueue() {
        queue("idle", Map.of());
        vhost.policiesChanged(List.of(rule("p", "^idle$", "queues", "expires", 1_000)), List.of());
        timers.advance(999);
        assertThat(vhost.lookupQueue("idle")).isNotNull();
        timers.advance(1);
        assertThat(vhost.lookupQueue("idle")).isNull();
    }

    @Test
    void exchangesTakeThePolicysAlternateUnlessTheirArgumentNamesOne() {
        vhost.declareExchange("plain", "direct", false, false, false, Map.of());
        vhost.declareExchange("own", "direct", false, false, false, Map.of("alternate-exchange", "mine"));
        vhost.policiesChanged(List.of(rule("ae", ".*", "exchanges", "alternate-exchange", "fallback")), List.of());
        assertThat(vhost.lookupExchange("plain").alternateExchange()).isEqualTo("fallback");
        assertThat(vhost.lookupExchange("own").alternateExchange()).isEqualTo("mine");
        assertThat(vhost.lookupExchange("").policy().policy()).isNull();
        vhost.declareExchange("later", "fanout", false, false, false, Map.of());
        assertThat(vhost.lookupExchange("later").policy().policy()).isEqualTo("ae");
        vhost.policiesChanged(List.of(), List.of());
        assertThat(vhost.lookupExchange("plain").alternateExchange()).isNull();
    }
}
