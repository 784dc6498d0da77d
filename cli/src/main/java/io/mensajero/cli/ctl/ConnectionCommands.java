package io.mensajero.cli.ctl;

import io.mensajero.cli.Errors;
import io.mensajero.client.Text;
import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Closing connections: {@code DELETE /api/connections/NAME} with the reason in {@code X-Reason},
 * which the client receives in its {@code connection.close} ("CONNECTION_FORCED - reason").
 */
final class ConnectionCommands {
    private ConnectionCommands() {
    }

    /** Closes it; false when there is no such connection (any more). */
    static boolean close(Session session, String name, String reason) {
        try {
            session.api().delete(Text.of("ctl.op.closeConnection", name),
                    "connections/" + ManagementClient.segment(name), Map.of("X-Reason", reason));
            return true;
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e.refused();
            }
            return false;
        }
    }

    static MensajeroException noSuchConnection(String name) {
        return Errors.failure(Failure.BROKER_REFUSED, Text.of("ctl.error.noSuchConnection", name), null);
    }

    @Command(name = "close_connection", aliases = "close-connection",
            description = {"Instructs the broker to close the connection with this name.",
                    "The name is the name or pid column of list_connections; the client gets CONNECTION_FORCED "
                            + "with the explanation."})
    static final class CloseConnection extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "CONNECTION", description = "The connection's name.")
        String connection;

        @Parameters(index = "1", paramLabel = "EXPLANATION", description = "Reason for connection closure.")
        String explanation;

        @Override
        void run(Session session) {
            session.out().info(Text.of("ctl.info.closeConnection", connection, explanation));
            if (!close(session, connection, explanation)) {
                throw noSuchConnection(connection);
            }
            session.out().done(null);
        }
    }

    @Command(name = "close_all_connections", aliases = "close-all-connections",
            description = {"Instructs the broker to close all connections for the vhost or the whole broker.",
                    "The vhost is -p (default /); --global closes the connections of every vhost."})
    static final class CloseAllConnections extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "EXPLANATION", description = "Reason for connection closure.")
        String explanation;

        @Option(names = "--global", description = "Consider connections across all virtual hosts.")
        boolean global;

        @Option(names = "--limit", paramLabel = "N", description = "Close up to this many connections.")
        Integer limit;

        @Option(names = "--per-connection-delay", paramLabel = "MILLISECONDS",
                description = "Wait this long between closures.")
        long delayMillis;

        @Override
        void run(Session session) {
            String vhost = session.vhost();
            session.out().info(global ? Text.of("ctl.info.closeAll.global", explanation)
                    : Text.of("ctl.info.closeAll", vhost, explanation));
            if (!global && !session.vhostExists(vhost)) {
                throw Session.noSuchVhost(vhost);
            }
            List<String> names = new ArrayList<>();
            for (JsonNode connection : session.api().get(Text.of("ctl.op.list.connections"), "connections")) {
                if (global || vhost.equals(connection.path("vhost").asText())) {
                    names.add(connection.path("name").asText());
                }
            }
            int closed = 0;
            for (String name : names) {
                if (limit != null && closed >= limit) {
                    break;
                }
                if (closed > 0 && delayMillis > 0) {
                    pause(delayMillis);
                }
                if (close(session, name, explanation)) {
                    closed++;
                }
            }
            session.out().result("value", Text.of("ctl.info.closeAll.done", String.valueOf(closed)));
        }

        private static void pause(long millis) {
            try {
                TimeUnit.MILLISECONDS.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
