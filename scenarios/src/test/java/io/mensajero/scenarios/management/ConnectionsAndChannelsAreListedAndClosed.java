package io.mensajero.scenarios.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.Names;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connections, channels and consumers as the API lists them (RabbitMQ's fields: the user, the
 * vhost, the client's properties and connection name, the state, the peer; a channel's prefetch
 * and consumers), and DELETE of a connection: the client gets 320 CONNECTION_FORCED with the
 * X-Reason header as the reason, or "Closed via management plugin" without it.
 */
class ConnectionsAndChannelsAreListedAndClosed {

    @EachBroker
    void listedThenClosedWithAReason(BrokerUnderTest broker) throws Exception {
        ManagementApi api = ManagementApi.of(broker);
        String clientName = Names.unique("listed");
        String q = Names.unique("listed-q");
        Connection c = broker.connectionFactory().newConnection(clientName);
        try {
            Channel ch = c.createChannel();
            ch.basicQos(7);
            ch.queueDeclare(q, false, true, true, null);
            ch.basicConsume(q, false, "listed-consumer", (tag, d) -> { }, tag -> { });

            JsonNode conn = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> find(api.get("/api/connections").json(), "user_provided_name", clientName),
                            j -> j != null && j.has("state") && j.has("recv_oct")); // RabbitMQ adds stats later
            assertThat(QueuesExchangesAndBindingsThroughTheApi.fields(conn)).contains("auth_mechanism", "channel_max",
                    "channels", "client_properties", "connected_at", "frame_max", "host", "name", "node", "peer_host",
                    "peer_port", "port", "protocol", "recv_cnt", "recv_oct", "recv_oct_details", "send_cnt", "send_oct",
                    "send_oct_details", "ssl", "state", "timeout", "type", "user", "user_provided_name", "vhost");
            assertThat(conn.get("user").asText()).isEqualTo("guest");
            assertThat(conn.get("vhost").asText()).isEqualTo("/");
            assertThat(conn.get("state").asText()).isEqualTo("running");
            assertThat(conn.get("protocol").asText()).isEqualTo("AMQP 0-9-1");
            assertThat(conn.get("auth_mechanism").asText()).isEqualTo("PLAIN");
            assertThat(conn.get("ssl").asBoolean()).isFalse();
            assertThat(conn.get("peer_port").asInt()).isEqualTo(localPort(c));
            assertThat(conn.get("client_properties").get("connection_name").asText()).isEqualTo(clientName);
            assertThat(conn.get("client_properties").get("product").asText()).isEqualTo("RabbitMQ");
            String name = conn.get("name").asText();
            assertThat(name).isEqualTo("127.0.0.1:" + localPort(c) + " -> " + conn.get("host").asText() + ":"
                    + conn.get("port").asInt());

            JsonNode channel = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> find(api.get("/api/connections/" + ManagementApi.enc(name) + "/channels").json(),
                            "number", null),
                            // RabbitMQ lists a channel as it was created (prefetch 0, no consumer) and
                            // brings its figures up to date with its next stats emission
                            j -> j != null && j.path("prefetch_count").asInt() == 7 && j.path("consumer_count").asInt() == 1);
            assertThat(channel.get("name").asText()).isEqualTo(name + " (1)");
            assertThat(channel.get("prefetch_count").asInt()).isEqualTo(7);
            assertThat(channel.get("consumer_count").asInt()).isEqualTo(1);
            assertThat(channel.get("connection_details").get("name").asText()).isEqualTo(name);

            JsonNode consumer = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> find(api.get("/api/consumers/%2F").json(), "consumer_tag", "listed-consumer"),
                            j -> j != null);
            ManagementApi.assertJson(consumer.get("queue"), "{\"name\":\"" + q + "\",\"vhost\":\"/\"}");
            assertThat(consumer.get("ack_required").asBoolean()).isTrue();
            assertThat(consumer.get("prefetch_count").asInt()).isEqualTo(7);
            assertThat(consumer.get("channel_details").get("connection_name").asText()).isEqualTo(name);

            CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
            c.addShutdownListener(closed::complete);
            assertThat(api.send("DELETE", "/api/connections/" + ManagementApi.enc(name), null,
                    Map.of("X-Reason", "closed by the scenario")).status()).isEqualTo(204);
            assertThat(Amqp.failureOf(closed.get(10, TimeUnit.SECONDS)))
                    .isEqualTo(Failure.connection(320, "CONNECTION_FORCED - closed by the scenario", 0, 0));
        } finally {
            if (c.isOpen()) {
                c.abort();
            }
        }
    }

    @EachBroker
    void defaultReason(BrokerUnderTest broker) throws Exception {
        ManagementApi api = ManagementApi.of(broker);
        String clientName = Names.unique("doomed");
        Connection c = broker.connectionFactory().newConnection(clientName);
        CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
        c.addShutdownListener(closed::complete);
        JsonNode conn = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> find(api.get("/api/connections").json(), "user_provided_name", clientName), j -> j != null);
        assertThat(api.delete("/api/connections/" + ManagementApi.enc(conn.get("name").asText())).status()).isEqualTo(204);
        assertThat(Amqp.failureOf(closed.get(10, TimeUnit.SECONDS)))
                .isEqualTo(Failure.connection(320, "CONNECTION_FORCED - Closed via management plugin", 0, 0));
    }

    /** The client-side port of an amqp-client connection: the peer_port the broker lists. */
    static int localPort(Connection c) {
        return ((com.rabbitmq.client.impl.AMQConnection) c).getLocalPort();
    }

    /** The first item whose field has the value (any item with the field when value is null). */
    static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.has(field) && (value == null || value.equals(item.get(field).asText()))) {
                return item;
            }
        }
        return null;
    }
}
