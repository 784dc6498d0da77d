package io.mensajero.cli.ctl;

import io.mensajero.client.Text;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;

/** Virtual hosts: {@code PUT/DELETE /api/vhosts/NAME}. Adding one that exists changes nothing, as in rabbitmqctl. */
final class VhostCommands {
    private VhostCommands() {
    }

    @Command(name = "add_vhost", aliases = "add-vhost", description = "Creates a virtual host.")
    static final class AddVhost extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "VHOST", description = "The virtual host's name.")
        String name;

        @Option(names = "--description", paramLabel = "TEXT", description = "Its description.")
        String description;

        @Option(names = "--tags", paramLabel = "TAG1,TAG2", description = "Its tags, separated by commas.")
        String tags;

        @Option(names = "--default-queue-type", paramLabel = "classic|quorum|stream",
                description = "The type of queues declared without one.")
        String defaultQueueType;

        @Override
        void run(Session session) {
            session.out().info(Text.of("ctl.info.addVhost", name));
            ObjectNode body = ManagementClient.JSON.createObjectNode();
            if (description != null) {
                body.put("description", description);
            }
            if (tags != null) {
                body.put("tags", tags);
            }
            if (defaultQueueType != null) {
                body.put("default_queue_type", defaultQueueType);
            }
            int status = session.api().put(Text.of("ctl.op.addVhost", name), Session.vhostPath(name), body);
            if (status == 201) {
                revokeCreatorsPermissions(session);
            }
            session.out().done(null);
        }

        /**
         * The management API gives whoever creates a vhost full permissions in it; rabbitmqctl's
         * add_vhost gives nobody any, and so does this.
         */
        private void revokeCreatorsPermissions(Session session) {
            String user = session.api().url().username();
            try {
                session.api().delete(Text.of("ctl.op.revokeCreator", user, name), PermissionCommands.path(name, user),
                        Map.of());
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e.refused();
                }
            }
        }
    }

    @Command(name = "delete_vhost", aliases = "delete-vhost",
            description = {"Deletes a virtual host.", "Everything in it goes too; its connections are closed."})
    static final class DeleteVhost extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "VHOST", description = "The virtual host's name.")
        String name;

        @Override
        void run(Session session) {
            session.out().info(Text.of("ctl.info.deleteVhost", name));
            session.delete(Text.of("ctl.op.deleteVhost", name), Session.vhostPath(name), () -> Session.noSuchVhost(name));
            session.out().done(null);
        }
    }
}
