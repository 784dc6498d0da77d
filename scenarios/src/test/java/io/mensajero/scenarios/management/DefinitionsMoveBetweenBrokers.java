package io.mensajero.scenarios.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.ManagementApi.Response;
import io.mensajero.scenarios.support.Names;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A definitions file in RabbitMQ's format (a user with a rabbit_password_hashing_sha256 hash made
 * here, a vhost, permissions, a policy, a queue, an exchange, a binding) imports into either
 * broker: the user logs in with its password, the objects exist, and an export lists them with
 * the same fields. A malformed file is 400.
 */
class DefinitionsMoveBetweenBrokers {

    @EachBroker
    void importThenExport(BrokerUnderTest broker) throws Exception {
        ManagementApi api = ManagementApi.of(broker);
        String user = Names.unique("imported");
        String vhost = Names.unique("imported-vhost");
        String hash = sha256Hash(new byte[] {1, 2, 3, 4}, "s3cret");
        Map<String, Object> definitions = Map.of(
                "users", List.of(Map.of("name", user, "password_hash", hash,
                        "hashing_algorithm", "rabbit_password_hashing_sha256", "tags", List.of("management"), "limits", Map.of())),
                "vhosts", List.of(Map.of("name", vhost)),
                "permissions", List.of(Map.of("user", user, "vhost", vhost, "configure", ".*", "write", ".*", "read", ".*")),
                "policies", List.of(Map.of("vhost", vhost, "name", "cap", "pattern", "^q", "apply-to", "queues",
                        "definition", Map.of("max-length", 5), "priority", 1)),
                "queues", List.of(Map.of("name", "q1", "vhost", vhost, "durable", true, "auto_delete", false,
                        "arguments", Map.of("x-max-length", 100))),
                "exchanges", List.of(Map.of("name", "x1", "vhost", vhost, "type", "fanout", "durable", true,
                        "auto_delete", false, "internal", false, "arguments", Map.of())),
                "bindings", List.of(Map.of("source", "x1", "vhost", vhost, "destination", "q1",
                        "destination_type", "queue", "routing_key", "", "arguments", Map.of())));
        try {
            assertThat(api.post("/api/definitions", definitions).status()).isEqualTo(204);
            try (Connection c = brokerAs(broker, user, "s3cret", vhost)) {
                assertThat(c.createChannel().queueDeclarePassive("q1").getQueue()).isEqualTo("q1");
            }
            JsonNode exported = api.get("/api/definitions").json();
            assertThat(QueuesExchangesAndBindingsThroughTheApi.fields(exported)).contains("rabbit_version",
                    "rabbitmq_version", "product_name", "product_version", "users", "vhosts", "permissions",
                    "topic_permissions", "parameters", "global_parameters", "policies", "queues", "exchanges", "bindings");
            ManagementApi.assertJson(find(exported.get("users"), "name", user), "{\"name\":\"" + user
                    + "\",\"password_hash\":\"" + hash + "\",\"hashing_algorithm\":\"rabbit_password_hashing_sha256\","
                    + "\"tags\":[\"management\"],\"limits\":{}}");
            ManagementApi.assertJson(find(exported.get("vhosts"), "name", vhost), "{\"name\":\"" + vhost + "\"}");
            JsonNode onlyVhost = api.get("/api/definitions/" + ManagementApi.enc(vhost)).json();
            ManagementApi.assertJson(onlyVhost.get("queues"), "[{\"name\":\"q1\",\"durable\":true,"
                    + "\"auto_delete\":false,\"arguments\":{\"x-max-length\":100}}]");
            ManagementApi.assertJson(onlyVhost.get("exchanges"), "[{\"name\":\"x1\",\"type\":\"fanout\","
                    + "\"durable\":true,\"auto_delete\":false,\"internal\":false,\"arguments\":{}}]");
            ManagementApi.assertJson(onlyVhost.get("bindings"), "[{\"source\":\"x1\",\"destination\":\"q1\","
                    + "\"destination_type\":\"queue\",\"routing_key\":\"\",\"arguments\":{}}]");
            ManagementApi.assertJson(onlyVhost.get("policies"), "[{\"vhost\":\"" + vhost + "\",\"name\":\"cap\","
                    + "\"pattern\":\"^q\",\"apply-to\":\"queues\",\"definition\":{\"max-length\":5},\"priority\":1}]");
        } finally {
            api.delete("/api/users/" + ManagementApi.enc(user));
            api.delete("/api/vhosts/" + ManagementApi.enc(vhost));
        }
    }

    @EachBroker
    void malformedFileIsBadRequest(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        for (String body : new String[] {"{not json", "[1,2]"}) {
            Response r = api.post("/api/definitions", body);
            assertThat(r.status()).isEqualTo(400);
            ManagementApi.assertJson(r.json(), "{\"error\":\"bad_request\",\"reason\":\"failed_to_parse_json\"}");
        }
        Response noVhost = api.post("/api/definitions", Map.of("queues", List.of(Map.of("name", Names.unique("q")))));
        assertThat(noVhost.status()).isEqualTo(400);
        ManagementApi.assertJson(noVhost.json().get("reason"), "[\"no_such_vhost\",\"undefined\"]");
    }

    /** RabbitMQ's rabbit_password_hashing_sha256: base64(salt ++ sha256(salt ++ password)). */
    static String sha256Hash(byte[] salt, String password) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(salt);
        md.update(password.getBytes(StandardCharsets.UTF_8));
        byte[] digest = md.digest();
        byte[] all = new byte[salt.length + digest.length];
        System.arraycopy(salt, 0, all, 0, salt.length);
        System.arraycopy(digest, 0, all, salt.length, digest.length);
        return Base64.getEncoder().encodeToString(all);
    }

    private static Connection brokerAs(BrokerUnderTest broker, String user, String password, String vhost)
            throws Exception {
        var f = broker.connectionFactory();
        f.setUsername(user);
        f.setPassword(password);
        f.setVirtualHost(vhost);
        return f.newConnection();
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        return ConnectionsAndChannelsAreListedAndClosed.find(list, field, value);
    }
}
