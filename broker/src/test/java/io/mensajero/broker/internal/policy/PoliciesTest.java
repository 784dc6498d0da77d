package io.mensajero.broker.internal.policy;

import io.mensajero.broker.internal.arguments.PolicyRule;
import io.mensajero.broker.internal.arguments.QueueType;
import io.mensajero.broker.internal.definitions.DefinitionsStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
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

    private static String queuePolicy(Policies policies, String vhost, String queue, QueueType type) {
        PolicyRule rule = io.mensajero.broker.internal.arguments.Policies.forQueue(policies.rules(vhost), queue, type);
        return rule == null ? null : rule.name();
    }

    @Test
    void aVhostsRulesAreItsPoliciesInTheOrderSet() throws Exception {
        Policies policies = new Policies(DefinitionsStore.inMemory());
        policies.put(Policies.parse("/", "low", Map.of("pattern", "^orders", "definition", Map.of("max-length", 1))));
        policies.put(Policies.parse("/", "high", Map.of("pattern", "^orders\\.", "priority", 5,
                "definition", Map.of("max-length", 2))));
        policies.put(Policies.parse("/", "exchanges", Map.of("pattern", ".*", "priority", 9, "apply-to", "exchanges",
                "definition", Map.of("alternate-exchange", "ae"))));
        assertThat(policies.rules("/")).extracting(PolicyRule::name).containsExactly("low", "high", "exchanges");
        assertThat(queuePolicy(policies, "/", "orders.eu", QueueType.CLASSIC)).isEqualTo("high");
        assertThat(queuePolicy(policies, "/", "orders", QueueType.CLASSIC)).isEqualTo("low");
        assertThat(queuePolicy(policies, "/", "other", QueueType.CLASSIC)).isNull();
        assertThat(io.mensajero.broker.internal.arguments.Policies.forExchange(policies.rules("/"), "orders.eu").name())
                .isEqualTo("exchanges");
        assertThat(policies.rules("other-vhost")).isEmpty();
    }

    @Test
    void eachChangeIsPassedOnWithItsVhost() throws Exception {
        Policies policies = new Policies(DefinitionsStore.inMemory());
        List<String> changed = new ArrayList<>();
        policies.onChange(changed::add);
        policies.put(Policies.parse("v1", "p", Map.of("pattern", "^q", "definition", Map.of("max-length", 1))));
        policies.delete("v1", "p");
        policies.delete("v1", "p");
        policies.put(Policies.parse("v2", "p", Map.of("pattern", "^q", "definition", Map.of("max-length", 1))));
        assertThat(changed).containsExactly("v1", "v1", "v2");
    }

    @Test
    void anOperatorPolicyHoldsOnlyOperatorKeys() throws Exception {
        Map<String, Object> body = Map.of("pattern", "^q", "definition", Map.of("dead-letter-exchange", "dlx"));
        assertThat(catchThrowableOfType(Policies.Invalid.class,
                () -> Policies.parse(Policies.Kind.OPERATOR_POLICY, "/", "op", body)).getMessage())
                .isEqualTo("Validation failed\n\n[{<<\"dead-letter-exchange\">>,<<\"dlx\">>}] are not recognised "
                        + "policy settings\n");
        assertThat(Policies.parse(Policies.Kind.OPERATOR_POLICY, "/", "op", Map.of("pattern", "^q",
                "definition", Map.of("max-length", 3, "delivery-limit", 2))).definition()).hasSize(2);
        DefinitionsStore store = DefinitionsStore.inMemory();
        new Policies(store, Policies.Kind.OPERATOR_POLICY).put(Policies.parse(Policies.Kind.OPERATOR_POLICY, "/", "op",
                Map.of("pattern", "^q", "definition", Map.of("max-length", 3))));
        assertThat(new Policies(store).all()).isEmpty();
        assertThat(new Policies(store, Policies.Kind.OPERATOR_POLICY).get("/", "op")).isNotNull();
    }

    @Test
    void storedPoliciesComeBack() throws Exception {
        DefinitionsStore store = DefinitionsStore.inMemory();
        new Policies(store).put(Policies.parse("/", "cap", Map.of("pattern", "^q", "definition", Map.of("max-length", 3))));
        assertThat(new Policies(store).get("/", "cap").definition()).isEqualTo(Map.of("max-length", 3));
    }
}
