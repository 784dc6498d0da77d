package io.mensajero.cli.ctl;

import io.mensajero.client.Text;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Map;

/**
 * A user's permissions in a vhost: {@code PUT/DELETE /api/permissions/VHOST/USER}. The API's
 * 400 "vhost_or_user_not_found" is told apart by asking which is missing.
 */
final class PermissionCommands {
    private PermissionCommands() {
    }

    static String path(String vhost, String user) {
        return "permissions/" + ManagementClient.segment(vhost) + "/" + ManagementClient.segment(user);
    }

    @Command(name = "set_permissions", aliases = "set-permissions",
            description = {"Sets user permissions for a vhost.",
                    "The vhost is -p (default /); the permissions are three regular expressions, such as "
                            + "\".*\" \".*\" \".*\" for everything."})
    static final class SetPermissions extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "The user.")
        String user;

        @Parameters(index = "1", paramLabel = "CONF", description = "Configuration permission pattern.")
        String configure;

        @Parameters(index = "2", paramLabel = "WRITE", description = "Write permission pattern.")
        String write;

        @Parameters(index = "3", paramLabel = "READ", description = "Read permission pattern.")
        String read;

        @Override
        void run(Session session) {
            String vhost = session.vhost();
            session.out().info(Text.of("ctl.info.setPermissions", user, vhost));
            ObjectNode body = ManagementClient.JSON.createObjectNode();
            body.put("configure", configure).put("write", write).put("read", read);
            try {
                session.api().put(Text.of("ctl.op.setPermissions", user, vhost),
                        path(vhost, user), body);
            } catch (ApiException e) {
                throw e.status() == 400 || e.status() == 404 ? session.explain(e, vhost, user) : e.refused();
            }
            session.out().done(null);
        }
    }

    @Command(name = "clear_permissions", aliases = "clear-permissions",
            description = {"Revokes user permissions for a vhost.", "The vhost is -p (default /)."})
    static final class ClearPermissions extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "The user whose permissions are revoked.")
        String user;

        @Override
        void run(Session session) {
            String vhost = session.vhost();
            session.out().info(Text.of("ctl.info.clearPermissions", user, vhost));
            try {
                session.api().delete(Text.of("ctl.op.clearPermissions", user, vhost),
                        path(vhost, user), Map.of());
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e.refused();
                }
                if (!session.vhostExists(vhost)) {
                    throw Session.noSuchVhost(vhost);
                }
                if (!session.userExists(user)) {
                    throw Session.noSuchUser(user);
                }
                // No permissions to clear: done, as rabbitmqctl says.
            }
            session.out().done(null);
        }
    }
}
