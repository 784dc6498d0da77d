package io.mensajero.scenarios.ctl;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code close_connection} takes what {@code list_connections pid} prints, and the client is told
 * why: {@code CONNECTION_FORCED - <explanation>}. {@code close_all_connections -p VHOST} closes
 * every connection of that vhost and says how many.
 */
class CtlClosesConnectionsWithTheReason {

    @EachBroker
    void closeOneThenAll(BrokerUnderTest broker) throws Exception {
        try (ScratchVhost scratch = ScratchVhost.create(broker)) {
            String v = scratch.name();
            Connection first = scratch.connect();
            CompletableFuture<ShutdownSignalException> firstClosed = closing(first);
            List<List<String>> listed = Ctl.awaitRows(broker, rows -> rows.stream().anyMatch(r -> r.get(1).equals(v)),
                    "list_connections", "pid", "vhost");
            String pid = listed.stream().filter(r -> r.get(1).equals(v)).findFirst().orElseThrow().get(0);

            Ctl.Result closed = Ctl.ok(broker, "-n", "rabbit@localhost", "close_connection", pid, "ctl says bye");
            assertThat(closed.out()).isEqualTo("Closing connection " + pid + ", reason: ctl says bye...\n");
            ShutdownSignalException reason = firstClosed.get(20, TimeUnit.SECONDS);
            assertThat(reason.isInitiatedByApplication()).isFalse();
            assertThat(reason.getMessage()).contains("CONNECTION_FORCED - ctl says bye");

            Connection second = scratch.connect();
            Connection third = scratch.connect();
            CompletableFuture<ShutdownSignalException> secondClosed = closing(second);
            CompletableFuture<ShutdownSignalException> thirdClosed = closing(third);
            Ctl.awaitRows(broker, rows -> rows.stream().filter(r -> r.get(0).equals(v)).count() == 2,
                    "list_connections", "vhost");
            Ctl.Result all = Ctl.ok(broker, "close_all_connections", "-p", v, "everyone out", "--formatter", "json");
            assertThat(all.out()).isEqualTo("{\"result\":\"ok\",\"value\":\"Closed 2 connections\"}\n");
            assertThat(secondClosed.get(20, TimeUnit.SECONDS).getMessage()).contains("CONNECTION_FORCED - everyone out");
            assertThat(thirdClosed.get(20, TimeUnit.SECONDS).getMessage()).contains("CONNECTION_FORCED - everyone out");

            Ctl.awaitRows(broker, rows -> rows.stream().noneMatch(r -> r.get(0).equals(v)), "list_connections", "vhost");
            Ctl.Result none = Ctl.ok(broker, "close_all_connections", "-p", v, "nobody left");
            assertThat(none.out()).isEqualTo("Closing all connections in vhost " + v + ", reason: nobody left...\n"
                    + "Closed 0 connections\n");
        }
    }

    private static CompletableFuture<ShutdownSignalException> closing(Connection connection) {
        CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
        connection.addShutdownListener(closed::complete);
        return closed;
    }
}
