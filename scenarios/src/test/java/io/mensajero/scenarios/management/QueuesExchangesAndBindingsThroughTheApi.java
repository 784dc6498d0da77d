package io.mensajero.scenarios.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.ManagementApi.Response;
import io.mensajero.scenarios.support.Names;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Declaring, binding, publishing, getting and deleting through the API, and the JSON shapes of
 * queues, exchanges, bindings and fetched messages (field names and values as RabbitMQ's).
 */
class QueuesExchangesAndBindingsThroughTheApi {

    @EachBroker
    void roundTrip(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        String x = Names.unique("api-x");
        String q = Names.unique("api-q");
        try {
            assertThat(api.put("/api/exchanges/%2F/" + x, Map.of("type", "direct", "durable", true)).status()).isEqualTo(201);
            assertThat(api.put("/api/queues/%2F/" + q, Map.of("durable", true, "arguments", Map.of("x-max-length", 10)))
                    .status()).isEqualTo(201);

            JsonNode exchange = api.get("/api/exchanges/%2F/" + x).json();
            assertThat(fields(exchange)).contains("arguments", "auto_delete", "durable", "incoming", "internal", "name",
                    "outgoing", "type", "vhost");
            assertThat(exchange.get("type").asText()).isEqualTo("direct");
            assertThat(exchange.get("durable").asBoolean()).isTrue();

            List<String> queueFields = List.of("arguments", "auto_delete", "consumer_details", "consumers", "durable",
                    "effective_policy_definition", "exclusive", "exclusive_consumer_tag", "messages", "messages_details",
                    "messages_ready", "messages_ready_details", "messages_unacknowledged",
                    "messages_unacknowledged_details", "name", "node", "policy", "state", "type", "vhost");
            // RabbitMQ fills a new queue's object in two steps (its message counts first, then its state,
            // consumers and policy): wait for every field, then check them.
            JsonNode queue = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("/api/queues/%2F/" + q).json(), j -> fields(j).containsAll(queueFields));
            assertThat(fields(queue)).containsAll(queueFields);
            ManagementApi.assertJson(queue.get("arguments"), "{\"x-max-length\":10}");
            assertThat(queue.get("type").asText()).isEqualTo("classic");
            assertThat(queue.get("state").asText()).isEqualTo("running");

            Response bound = api.post("/api/bindings/%2F/e/" + x + "/q/" + q, Map.of("routing_key", "rk", "arguments", Map.of()));
            assertThat(bound.status()).isEqualTo(201);
            assertThat(bound.header("location")).isEqualTo(q + "/rk");
            JsonNode binding = api.get("/api/bindings/%2F/e/" + x + "/q/" + q).json().get(0);
            ManagementApi.assertJson(binding, "{\"source\":\"" + x + "\",\"vhost\":\"/\",\"destination\":\"" + q
                    + "\",\"destination_type\":\"queue\",\"routing_key\":\"rk\",\"arguments\":{},\"properties_key\":\"rk\"}");
            assertThat(api.get("/api/queues/%2F/" + q + "/bindings").json()).hasSize(2);
            assertThat(api.get("/api/exchanges/%2F/" + x + "/bindings/source").json()).hasSize(1);

            Response routed = api.post("/api/exchanges/%2F/" + x + "/publish", Map.of("routing_key", "rk",
                    "properties", Map.of("delivery_mode", 2, "headers", Map.of("h", "v")), "payload", "hello",
                    "payload_encoding", "string"));
            ManagementApi.assertJson(routed.json(), "{\"routed\":true}");
            ManagementApi.assertJson(api.post("/api/exchanges/%2F/amq.default/publish", Map.of("routing_key", Names.unique("nowhere"),
                    "properties", Map.of(), "payload", "aGk=", "payload_encoding", "base64")).json(), "{\"routed\":false}");

            JsonNode got = api.post("/api/queues/%2F/" + q + "/get", Map.of("count", 5, "ackmode", "ack_requeue_true",
                    "encoding", "auto")).json();
            assertThat(got).hasSize(1);
            ManagementApi.assertJson(got.get(0), "{\"payload_bytes\":5,\"redelivered\":false,\"exchange\":\"" + x
                    + "\",\"routing_key\":\"rk\",\"message_count\":0,\"properties\":{\"delivery_mode\":2,"
                    + "\"headers\":{\"h\":\"v\"}},\"payload\":\"hello\",\"payload_encoding\":\"string\"}");
            JsonNode again = api.post("/api/queues/%2F/" + q + "/get", Map.of("count", 1, "ackmode", "ack_requeue_false",
                    "encoding", "base64")).json().get(0);
            assertThat(again.get("redelivered").asBoolean()).isTrue();
            assertThat(again.get("payload").asText()).isEqualTo("aGVsbG8=");
            assertThat(again.get("payload_encoding").asText()).isEqualTo("base64");
            assertThat(BrokerState.messages(broker, q)).isZero();

            assertThat(api.delete("/api/bindings/%2F/e/" + x + "/q/" + q + "/rk").status()).isEqualTo(204);
            assertThat(api.get("/api/bindings/%2F/e/" + x + "/q/" + q + "/rk").status()).isEqualTo(404);

            assertThat(api.post("/api/exchanges/%2F/amq.default/publish", Map.of("routing_key", q, "properties", Map.of(),
                    "payload", "x", "payload_encoding", "string")).json().get("routed").asBoolean()).isTrue();
            assertThat(api.delete("/api/queues/%2F/" + q + "?if-empty=true").status()).isEqualTo(400);
            assertThat(api.delete("/api/queues/%2F/" + q + "/contents").status()).isEqualTo(204);
            assertThat(BrokerState.messages(broker, q)).isZero();
            assertThat(api.delete("/api/queues/%2F/" + q).status()).isEqualTo(204);
            assertThat(api.delete("/api/exchanges/%2F/" + x).status()).isEqualTo(204);
            assertThat(BrokerState.messages(broker, q)).isEqualTo(-1);
            assertThat(BrokerState.exchangeExists(broker, x)).isFalse();
        } finally {
            api.delete("/api/queues/%2F/" + q);
            api.delete("/api/exchanges/%2F/" + x);
        }
    }

    @EachBroker
    void aQueueShowsItsType(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        Map<String, String> queues = Map.of(Names.unique("api-classic"), "classic", Names.unique("api-quorum"), "quorum",
                Names.unique("api-stream"), "stream");
        try {
            queues.forEach((q, type) -> assertThat(api.put("/api/queues/%2F/" + q, Map.of("durable", true,
                    "arguments", Map.of("x-queue-type", type))).status()).as(type).isEqualTo(201));
            queues.forEach((q, type) -> assertThat(await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("/api/queues/%2F/" + q).json(), j -> j.has("type")).get("type").asText())
                    .as(q).isEqualTo(type));
        } finally {
            queues.keySet().forEach(q -> api.delete("/api/queues/%2F/" + q));
        }
    }

    static List<String> fields(JsonNode object) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }
}
