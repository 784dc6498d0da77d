package io.mensajero.cli.ctl;

import io.mensajero.cli.Errors;
import io.mensajero.client.Text;
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
        return Errors.failure(Failure.BROKER_REFUSED, Text.of("ctl.error.noSuchQueue", queue, vhost), null);
    }

    @Command(name = "purge_queue", aliases = "purge-queue",
            description = "Purges a queue (removes all messages in it).")
    static final class PurgeQueue extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue to purge.")
        String queue;

        @Override
        void run(Session session) {
            String vhost = session.vhost();
            session.out().info(Text.of("ctl.info.purgeQueue", queue, vhost));
            session.delete(Text.of("ctl.op.purgeQueue", queue, vhost), path(vhost, queue) + "/contents",
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
            String condition = ifEmpty && ifUnused ? "ctl.info.deleteQueue.emptyUnused"
                    : ifEmpty ? "ctl.info.deleteQueue.empty" : ifUnused ? "ctl.info.deleteQueue.unused" : "ctl.info.deleteQueue";
            session.out().info(Text.of(condition, queue, vhost));
            Text what = Text.of("ctl.op.deleteQueue", queue, vhost);
            String path = path(vhost, queue);
            try {
                JsonNode found = session.api().get(what, path);
                String query = ifEmpty && ifUnused ? "?if-empty=true&if-unused=true"
                        : ifEmpty ? "?if-empty=true" : ifUnused ? "?if-unused=true" : "";
                session.api().delete(what, path + query, Map.of());
                long ready = found.path("messages_ready").asLong(0);
                session.out().result("message", Text.of("ctl.info.deleteQueue.done", String.valueOf(ready)));
            } catch (ApiException e) {
                throw e.status() == 404 ? notFound(session, vhost, queue) : e.refused();
            }
        }
    }
}
