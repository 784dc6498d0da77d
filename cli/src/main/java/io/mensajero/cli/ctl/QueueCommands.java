package io.mensajero.cli.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;

/** A queue's messages and the queue itself: {@code DELETE /api/queues/VHOST/NAME[/contents]}. */
final class QueueCommands {
    private QueueCommands() {
    }

    static String path(String vhost, String queue) {
        return "queues/" + ManagementClient.segment(vhost) + "/" + ManagementClient.segment(queue);
    }

    /** Exit 6 for a missing queue, 5 for a missing vhost. */
    static MensajeroException notFound(Session session, String vhost, String queue) {
        if (!session.vhostExists(vhost)) {
            return Session.noSuchVhost(vhost);
        }
        return new MensajeroException(Failure.BROKER_REFUSED, "queue '" + queue + "' in vhost '" + vhost
                + "' not found");
    }

    @Command(name = "purge_queue", aliases = "purge-queue",
            description = "Purges a queue (removes all messages in it).")
    static final class PurgeQueue extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue to purge.")
        String queue;

        @Override
        void run(Session session) {
            String vhost = session.vhost();
            session.out().info("Purging queue '" + queue + "' in vhost '" + vhost + "' ...");
            session.delete("purge queue '" + queue + "' in vhost '" + vhost + "'", path(vhost, queue) + "/contents",
                    () -> notFound(session, vhost, queue));
            session.out().done(null);
        }
    }

    @Command(name = "delete_queue", aliases = "delete-queue", description = "Deletes a queue.")
    static final class DeleteQueue extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue to delete.")
        String queue;

        @Option(names = {"-e", "--if-empty"}, description = "Only if it has no messages ready for delivery.")
        boolean ifEmpty;

        @Option(names = {"-u", "--if-unused"}, description = "Only if it has no consumers.")
        boolean ifUnused;

        @Override
        void run(Session session) {
            String vhost = session.vhost();
            String condition = ifEmpty && ifUnused ? " if queue is empty and unused"
                    : ifEmpty ? " if queue is empty" : ifUnused ? " if queue is unused" : "";
            session.out().info("Deleting queue '" + queue + "' on vhost '" + vhost + "'" + condition + " ...");
            String what = "delete queue '" + queue + "' in vhost '" + vhost + "'";
            String path = path(vhost, queue);
            try {
                JsonNode found = session.api().get(what, path);
                String query = ifEmpty && ifUnused ? "?if-empty=true&if-unused=true"
                        : ifEmpty ? "?if-empty=true" : ifUnused ? "?if-unused=true" : "";
                session.api().delete(what, path + query, Map.of());
                long ready = found.path("messages_ready").asLong(0);
                session.out().result("message", "Queue was successfully deleted with " + ready + " ready messages");
            } catch (ApiException e) {
                throw e.status() == 404 ? notFound(session, vhost, queue) : e.refused();
            }
        }
    }
}
