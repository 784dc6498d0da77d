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
 * A policy is set (201, then 204 on update), read back in RabbitMQ's shape, listed, shown as the
 * policy of the queues it matches (with its definition as effective_policy_definition), and
 * cleared.
 */
class PoliciesAreStoredAndMatched {

    @EachBroker
    void setReadMatchClear(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        String prefix = Names.unique("pol");
        String policy = prefix + "-policy";
        String q = prefix + "-q";
        String path = "/api/policies/%2F/" + policy;
        try {
            assertThat(api.put("/api/queues/%2F/" + q, Map.of("durable", false)).status()).isEqualTo(201);
            Map<String, Object> body = Map.of("pattern", "^" + prefix, "definition", Map.of("max-length", 10),
                    "priority", 3, "apply-to", "queues");
            assertThat(api.put(path, body).status()).isEqualTo(201);
            assertThat(api.put(path, body).status()).isEqualTo(204);
            ManagementApi.assertJson(api.get(path).json(), "{\"vhost\":\"/\",\"name\":\"" + policy
                    + "\",\"pattern\":\"^" + prefix + "\",\"apply-to\":\"queues\",\"definition\":{\"max-length\":10},"
                    + "\"priority\":3}");
            assertThat(ConnectionsAndChannelsAreListedAndClosed.find(api.get("/api/policies").json(), "name", policy))
                    .isNotNull();
            JsonNode queue = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("/api/queues/%2F/" + q).json(), j -> policy.equals(j.path("policy").asText()));
            ManagementApi.assertJson(queue.get("effective_policy_definition"), "{\"max-length\":10}");
            assertThat(api.delete(path).status()).isEqualTo(204);
            assertThat(api.get(path).status()).isEqualTo(404);
        } finally {
            api.delete(path);
            api.delete("/api/queues/%2F/" + q);
        }
    }
}
