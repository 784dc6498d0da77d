package io.mensajero.scenarios.security;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.TestUsers;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting a user closes its open connections, and deleting a vhost closes the connections to it:
 * connection.close 320 CONNECTION_FORCED "user 'u' is deleted" / "vhost 'v' is deleted" (RabbitMQ
 * sometimes says "vhost 'v' is down" instead: its vhost supervisor stops in the same moment).
 * Other users' connections stay open.
 */
class DeletingAUserOrVhostClosesItsConnections {

    @EachBroker
    void deletingAUser(BrokerUnderTest broker) throws Exception {
        ManagementApi api = ManagementApi.of(broker);
        try (TestUsers t = new TestUsers(api);
             Connection bystander = broker.newConnection()) {
            String user = t.user("doomed", "pw", "");
            t.permit(user, "/", ".*", ".*", ".*");
            Connection c = AsUser.connect(broker, user, "pw", "/");
            CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
            c.addShutdownListener(closed::complete);
            assertThat(api.delete("/api/users/" + ManagementApi.enc(user)).status()).isEqualTo(204);
            ShutdownSignalException signal = closed.get(10, TimeUnit.SECONDS);
            assertThat(Amqp.failureOf(signal)).isEqualTo(Failure.connection(320,
                    "CONNECTION_FORCED - user '" + user + "' is deleted", 0, 0));
            Amqp.assertUsable(bystander);
        }
    }

    @EachBroker
    void deletingAVhost(BrokerUnderTest broker) throws Exception {
        ManagementApi api = ManagementApi.of(broker);
        try (TestUsers t = new TestUsers(api);
             Connection bystander = broker.newConnection()) {
            String vhost = t.vhost("doomed");
            t.permit("guest", vhost, ".*", ".*", ".*");
            Connection c = AsUser.connect(broker, "guest", "guest", vhost);
            c.createChannel().queueDeclare("in-doomed-vhost", false, false, false, null);
            CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
            c.addShutdownListener(closed::complete);
            assertThat(api.delete("/api/vhosts/" + ManagementApi.enc(vhost)).status()).isEqualTo(204);
            ShutdownSignalException signal = closed.get(Duration.ofSeconds(10).toSeconds(), TimeUnit.SECONDS);
            Failure failure = Amqp.failureOf(signal);
            // RabbitMQ races two closers: the vhost's deletion ("is deleted") and its supervisor
            // going down ("is down"); either text may arrive. Mensajero always says "is deleted".
            String expected = "CONNECTION_FORCED - vhost '" + vhost + "' is deleted";
            if (broker.isRabbitMq() && failure.replyText().endsWith("' is down")) {
                expected = "CONNECTION_FORCED - vhost '" + vhost + "' is down";
            }
            assertThat(failure).isEqualTo(Failure.connection(320, expected, 0, 0));
            Amqp.assertUsable(bystander);
            assertThat(api.get("/api/queues/" + ManagementApi.enc(vhost) + "/in-doomed-vhost").status()).isEqualTo(404);
        }
    }
}
