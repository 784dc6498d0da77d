package io.mensajero.scenarios.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.Names;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A queue shows the policy and the operator policy that apply to it and their merged definition
 * (the operator policy's smaller max-length wins, the policy's other keys stay); an exchange shows
 * its policy; a queue nothing matches shows none. An operator policy may hold only the keys
 * RabbitMQ allows there (the reason not HTML-escaped, unlike a policy's). A definitions export
 * carries the operator policy as a parameter of component operator_policy.
 */
class QueuesAndExchangesShowTheirPolicies {

    @EachBroker
    void policyOperatorPolicyAndTheirMergedDefinition(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        String prefix = Names.unique("shown");
        String policy = "/api/policies/%2F/" + prefix + "-policy";
        String operator = "/api/operator-policies/%2F/" + prefix + "-op";
        String q = prefix + "-q";
        String free = Names.unique("free");
        String x = prefix + "-x";
        try {
            assertThat(api.put("/api/queues/%2F/" + q, Map.of("durable", false)).status()).isEqualTo(201);
            assertThat(api.put("/api/queues/%2F/" + free, Map.of("durable", false)).status()).isEqualTo(201);
            assertThat(api.put("/api/exchanges/%2F/" + x, Map.of("type", "fanout", "durable", false)).status())
                    .isEqualTo(201);
            assertThat(api.put(policy, Map.of("pattern", "^" + prefix, "definition",
                    Map.of("max-length", 10, "message-ttl", 60_000), "apply-to", "all")).status()).isEqualTo(201);
            assertThat(api.put(operator, Map.of("pattern", "^" + prefix, "definition", Map.of("max-length", 5),
                    "apply-to", "queues")).status()).isEqualTo(201);
            JsonNode queue = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("/api/queues/%2F/" + q).json(),
                            j -> (prefix + "-op").equals(j.path("operator_policy").asText()));
            assertThat(queue.path("policy").asText()).isEqualTo(prefix + "-policy");
            ManagementApi.assertJson(queue.get("effective_policy_definition"),
                    "{\"max-length\":5,\"message-ttl\":60000}");
            JsonNode exchange = api.get("/api/exchanges/%2F/" + x).json();
            assertThat(exchange.path("policy").asText()).isEqualTo(prefix + "-policy");
            JsonNode unmatched = api.get("/api/queues/%2F/" + free).json();
            assertThat(unmatched.get("policy").isNull()).as("policy of %s", unmatched).isTrue();
            assertThat(unmatched.get("operator_policy").isNull()).isTrue();
            ManagementApi.assertJson(unmatched.get("effective_policy_definition"), "{}");
            ManagementApi.Response refused = api.put(operator + "-dlx", Map.of("pattern", "^" + prefix,
                    "definition", Map.of("dead-letter-exchange", "dlx")));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("reason").asText()).isEqualTo("Validation failed\n\n"
                    + "[{<<\"dead-letter-exchange\">>,<<\"dlx\">>}] are not recognised policy settings\n");
            JsonNode exported = null;
            for (JsonNode p : api.get("/api/definitions").json().path("parameters")) {
                if ((prefix + "-op").equals(p.path("name").asText())) {
                    exported = p;
                }
            }
            assertThat(exported).as("the operator policy among the exported parameters").isNotNull();
            ManagementApi.assertJson(exported, "{\"value\":{\"pattern\":\"^" + prefix + "\",\"definition\":"
                    + "{\"max-length\":5},\"priority\":0,\"apply-to\":\"queues\"},\"vhost\":\"/\","
                    + "\"component\":\"operator_policy\",\"name\":\"" + prefix + "-op\"}");
        } finally {
            api.delete(operator + "-dlx");
            api.delete(operator);
            api.delete(policy);
            api.delete("/api/queues/%2F/" + q);
            api.delete("/api/queues/%2F/" + free);
            api.delete("/api/exchanges/%2F/" + x);
        }
    }
}
