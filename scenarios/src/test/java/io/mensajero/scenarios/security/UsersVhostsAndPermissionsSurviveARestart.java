package io.mensajero.scenarios.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.Names;
import io.mensajero.scenarios.support.TestUsers;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Users, vhosts, permissions, topic permissions and policies are part of what a broker keeps
 * across a restart (RabbitMQ keeps them in its schema database; Mensajero in its data directory):
 * a user added before the restart logs in after it, to its vhost, with the same permissions (its
 * configure expression still refuses what it refused), and its topic permission and the vhost's
 * policy are still there. On RabbitMQ the restart is rabbitmqctl stop_app and start_app.
 */
class UsersVhostsAndPermissionsSurviveARestart {

    @EachBroker(dataDirectory = true)
    void theyComeBack(BrokerUnderTest broker) throws Exception {
        ManagementApi api = ManagementApi.of(broker);
        try (TestUsers t = new TestUsers(api)) {
            String user = t.user("keeper", "s3cret", "management");
            String vhost = t.vhost("kept");
            t.permit(user, vhost, "^kept\\.", ".*", ".*");
            String userPath = ManagementApi.enc(vhost) + "/" + ManagementApi.enc(user);
            assertThat(api.put("/api/topic-permissions/" + userPath,
                    Map.of("exchange", "amq.topic", "write", "^kept\\.", "read", ".*")).status()).isIn(201, 204);
            String policy = Names.unique("kept-policy");
            String policyPath = "/api/policies/" + ManagementApi.enc(vhost) + "/" + ManagementApi.enc(policy);
            assertThat(api.put(policyPath, Map.of("pattern", "^kept\\.", "apply-to", "queues",
                    "definition", Map.of("max-length", 7))).status()).isIn(201, 204);

            broker.restart();

            JsonNode stored = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> api.get("/api/users/" + ManagementApi.enc(user)).json(),
                            json -> json.has("name"));
            assertThat(stored.path("tags").toString()).contains("management");
            assertThat(api.get("/api/vhosts/" + ManagementApi.enc(vhost)).status()).isEqualTo(200);
            JsonNode permission = api.get("/api/permissions/" + userPath).json();
            assertThat(permission.path("configure").asText()).isEqualTo("^kept\\.");
            JsonNode topic = api.get("/api/topic-permissions/" + userPath).json();
            assertThat(topic.toString()).contains("amq.topic").contains("^kept\\\\.");
            JsonNode storedPolicy = api.get(policyPath).json();
            assertThat(storedPolicy.path("definition").path("max-length").asInt()).isEqualTo(7);

            String kept = "kept." + Names.unique("q");
            String other = Names.unique("other");
            try (Connection c = AsUser.connect(broker, user, "s3cret", vhost)) {
                Channel ch = c.createChannel();
                assertThat(ch.queueDeclare(kept, false, false, false, null).getQueue()).isEqualTo(kept);
                Channel second = c.createChannel();
                assertThat(Amqp.failure(second, () -> second.queueDeclare(other, false, false, false, null)))
                        .isEqualTo(Failure.channel(403, "ACCESS_REFUSED - access to queue '" + other
                                + "' in vhost '" + vhost + "' refused for user '" + user + "'", 50, 10));
            }
        }
    }
}
