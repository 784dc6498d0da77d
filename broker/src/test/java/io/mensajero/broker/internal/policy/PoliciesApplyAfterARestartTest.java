package io.mensajero.broker.internal.policy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy and an operator policy set through the management API are stored with the data
 * directory and apply again to the durable queues recovered at the next start.
 */
class PoliciesApplyAfterARestartTest {
    @TempDir
    Path dir;

    private Broker start() {
        return Broker.start(BrokerConfig.builder().port(0).managementPort(0).dataDir(dir).build());
    }

    private static int put(Broker b, String path, String json) throws Exception {
        String auth = Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.managementPort() + path))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Connection connect(Broker b) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setPort(b.port());
        return f.newConnection();
    }

    @Test
    void storedPoliciesApplyToRecoveredQueues() throws Exception {
        try (Broker b = start(); Connection c = connect(b)) {
            c.createChannel().queueDeclare("capped", true, false, false, null);
            assertThat(put(b, "/api/policies/%2F/cap", "{\"pattern\":\"^capped$\",\"definition\":{\"max-length\":3}}"))
                    .isEqualTo(201);
            assertThat(put(b, "/api/operator-policies/%2F/op",
                    "{\"pattern\":\"^capped$\",\"definition\":{\"max-length\":2},\"apply-to\":\"queues\"}"))
                    .isEqualTo(201);
        }
        try (Broker b = start(); Connection c = connect(b)) {
            Channel ch = c.createChannel();
            ch.confirmSelect();
            for (int i = 0; i < 5; i++) {
                ch.basicPublish("", "capped", MessageProperties.PERSISTENT_BASIC, ("m" + i).getBytes());
            }
            ch.waitForConfirmsOrDie(5_000);
            assertThat(ch.queueDeclarePassive("capped").getMessageCount()).isEqualTo(2);
            assertThat(new String(ch.basicGet("capped", true).getBody(), StandardCharsets.UTF_8)).isEqualTo("m3");
        }
    }
}
