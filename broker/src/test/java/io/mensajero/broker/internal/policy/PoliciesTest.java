package io.mensajero.broker.internal.policy;

import io.mensajero.broker.internal.definitions.DefinitionsStore;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PoliciesTest {

    private static String invalid(Map<String, Object> body) {
        return catchThrowableOfType(Policies.Invalid.class, () -> Policies.parse("/", "p", body)).getMessage();
    }

    @Test
    void rabbitMqsValidationMessages() {
        assertThat(invalid(Map.of("pattern", "^a", "definition", Map.of("foo", 10, "max-length", 1))))
                .isEqualTo("Validation failed\n\n[{<<\"foo\">>,10}] are not recognised policy settings\n");
        assertThat(invalid(Map.of("pattern", "^a", "definition", Map.of("message-ttl", -1))))
                .isEqualTo("Validation failed\n\n-1 is not a valid message TTL\n");
        assertThat(invalid(Map.of("pattern", "^a", "definition", Map.of("overflow", "drop-tail"))))
                .isEqualTo("Validation failed\n\n<<\"drop-tail\">> is not a valid overflow value\n");
        assertThat(invalid(Map.of("definition", Map.of("max-length", 1)))).isEqualTo("[{key_missing,pattern}]");
    }

    @Test
    void theHighestPriorityMatchingPolicyIsEffective() throws Exception {
        Policies policies = new Policies(DefinitionsStore.inMemory());
        policies.put(Policies.parse("/", "low", Map.of("pattern", "^orders", "definition", Map.of("max-length", 1))));
        policies.put(Policies.parse("/", "high", Map.of("pattern", "^orders\\.", "priority", 5,
                "definition", Map.of("max-length", 2))));
        policies.put(Policies.parse("/", "exchanges", Map.of("pattern", ".*", "priority", 9, "apply-to", "exchanges",
                "definition", Map.of("alternate-exchange", "ae"))));
        assertThat(policies.effective("/", "queue", "orders.eu", Map.of()).name()).isEqualTo("high");
        assertThat(policies.effective("/", "queue", "orders", Map.of()).name()).isEqualTo("low");
        assertThat(policies.effective("/", "queue", "other", Map.of())).isNull();
        assertThat(policies.effective("/", "exchange", "orders.eu", null).name()).isEqualTo("exchanges");
        assertThat(policies.effective("other-vhost", "queue", "orders.eu", Map.of())).isNull();
    }

    @Test
    void aQueuePolicyMatchesOnlyQueuesWhoseTypeSupportsEveryKey() throws Exception {
        Policies policies = new Policies(DefinitionsStore.inMemory());
        policies.put(Policies.parse("/", "low", Map.of("pattern", "^jobs", "definition", Map.of("max-length", 1))));
        policies.put(Policies.parse("/", "quorum-only", Map.of("pattern", "^jobs", "priority", 5,
                "definition", Map.of("delivery-limit", 3))));
        assertThat(policies.effective("/", "queue", "jobs", Map.of()).name()).isEqualTo("low");
        assertThat(policies.effective("/", "queue", "jobs", Map.of("x-queue-type", "quorum")).name())
                .isEqualTo("quorum-only");
    }

    @Test
    void storedPoliciesComeBack() throws Exception {
        DefinitionsStore store = DefinitionsStore.inMemory();
        new Policies(store).put(Policies.parse("/", "cap", Map.of("pattern", "^q", "definition", Map.of("max-length", 3))));
        assertThat(new Policies(store).get("/", "cap").definition()).isEqualTo(Map.of("max-length", 3));
    }
}
