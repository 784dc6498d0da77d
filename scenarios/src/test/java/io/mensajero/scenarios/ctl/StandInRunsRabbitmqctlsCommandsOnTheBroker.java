package io.mensajero.scenarios.ctl;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.mensajero.scenarios.ctl.CtlRoundTripsUsersVhostsAndPermissions.canOpen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A test suite written for RabbitMQ shells out to {@code rabbitmqctl}; with {@code stand-in/} first
 * on its PATH the same lines run {@code mensajero ctl} and act on the broker behind
 * MENSAJERO_MANAGEMENT_URL. One scenario per command such suites use. stop_app and start_app are
 * Mensajero's (against RabbitMQ a suite keeps the real rabbitmqctl for them), so that scenario
 * runs on Mensajero only.
 */
class StandInRunsRabbitmqctlsCommandsOnTheBroker {

    @EachBroker
    void closeConnection(BrokerUnderTest broker) throws Exception {
        try (ScratchVhost scratch = ScratchVhost.create(broker)) {
            Connection connection = scratch.connect();
            CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
            connection.addShutdownListener(closed::complete);
            String v = scratch.name();
            Ctl.awaitRows(broker, rows -> rows.contains(List.of(v)), "list_connections", "vhost");
            Shell.Run listed = Shell.rabbitmqctl(broker, "-n", "rabbit@localhost", "-q", "list_connections", "pid", "vhost");
            assertThat(listed.exit()).as(listed.all()).isZero();
            String pid = listed.out().stream().map(line -> line.split("\t")).filter(cells -> cells[1].equals(v))
                    .findFirst().orElseThrow(() -> new AssertionError(listed.all()))[0];

            Shell.Run close = Shell.rabbitmqctl(broker, "-n", "rabbit@localhost", "close_connection", pid,
                    "closed by the test suite");
            assertThat(close.exit()).as(close.all()).isZero();
            assertThat(closed.get(20, TimeUnit.SECONDS).getMessage())
                    .contains("CONNECTION_FORCED - closed by the test suite");
        }
    }

    @EachBroker
    void setPolicy(BrokerUnderTest broker) {
        try (ScratchVhost scratch = ScratchVhost.create(broker)) {
            Shell.Run set = Shell.rabbitmqctl(broker, "set_policy", "-p", scratch.name(), "limit", "^limited\\.",
                    "{\"max-length\":1}", "--apply-to", "queues");
            assertThat(set.exit()).as(set.all()).isZero();
            assertThat(Ctl.rows(broker, "list_policies", "-p", scratch.name()))
                    .containsExactly(List.of(scratch.name(), "limit", "^limited\\.", "queues", "{\"max-length\":1}", "0"));
        }
    }

    @EachBroker
    void setUserTags(BrokerUnderTest broker) {
        String user = Names.unique("standin-user");
        try {
            Ctl.ok(broker, "add_user", user, "standin-secret");
            assertThat(Ctl.fails(broker, 5, "list_users", "--username", user, "--password", "standin-secret"))
                    .as("no tags, no management API").contains("may not list users");
            Shell.Run tags = Shell.rabbitmqctl(broker, "set_user_tags", user, "administrator");
            assertThat(tags.exit()).as(tags.all()).isZero();
            assertThat(Ctl.rows(broker, "list_users", "--username", user, "--password", "standin-secret"))
                    .as("as an administrator").contains(List.of(user, "[administrator]"));
        } finally {
            Ctl.run(broker, "delete_user", user);
        }
    }

    @EachBroker
    void stopAppAndStartApp(BrokerUnderTest broker) {
        Ctl.management(broker);
        assumeFalse(broker.isRabbitMq(), "stop_app and start_app over the management API are Mensajero's; against "
                + "RabbitMQ a suite keeps the real rabbitmqctl for them (CtlNodeCommandsAreMensajeroOnly shows the "
                + "refusal)");
        Shell.Run stop = Shell.rabbitmqctl(broker, "-n", "rabbit@localhost", "stop_app");
        assertThat(stop.exit()).as(stop.all()).isZero();
        assertThat(canOpen(broker, "guest", "guest", "/")).as("after stop_app").isFalse();
        Shell.Run start = Shell.rabbitmqctl(broker, "-n", "rabbit@localhost", "start_app");
        assertThat(start.exit()).as(start.all()).isZero();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> canOpen(broker, "guest", "guest", "/"));
    }
}
