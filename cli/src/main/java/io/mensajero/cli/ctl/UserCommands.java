package io.mensajero.cli.ctl;

import io.mensajero.cli.Errors;
import io.mensajero.client.Text;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * Users: {@code PUT/DELETE /api/users/NAME}. The API replaces a user whole, so a change of tags
 * sends the stored password hash back, and a change of password the stored tags. Passwords go
 * only into request bodies, never into output or messages.
 */
final class UserCommands {
    private UserCommands() {
    }

    @Command(name = "add_user", aliases = "add-user",
            description = {"Creates a new user.",
                    "This user will have no permissions for any virtual hosts by default."})
    static final class AddUser extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "The user's name.")
        String user;

        @Parameters(index = "1", paramLabel = "PASSWORD",
                description = "The password the user will authenticate with (empty: no password login).")
        String password;

        @Override
        void run(Session session) {
            session.out().info(Text.of("ctl.info.addUser", user));
            Text what = Text.of("ctl.op.addUser", user);
            if (session.api().find(what, Session.userPath(user)).isPresent()) {
                throw Errors.failure(Failure.BROKER_REFUSED, Text.of("ctl.error.userExists", user), null);
            }
            session.api().put(what, Session.userPath(user), withPassword(password, ""));
            session.out().done(Text.of("ctl.info.addUser.done"));
        }
    }

    @Command(name = "delete_user", aliases = "delete-user", description = "Removes a user.")
    static final class DeleteUser extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "The user's name.")
        String user;

        @Override
        void run(Session session) {
            session.out().info(Text.of("ctl.info.deleteUser", user));
            session.delete(Text.of("ctl.op.deleteUser", user), Session.userPath(user), () -> Session.noSuchUser(user));
            session.out().done(null);
        }
    }

    @Command(name = "change_password", aliases = "change-password", description = "Changes the user password.")
    static final class ChangePassword extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "The user whose password should change.")
        String user;

        @Parameters(index = "1", paramLabel = "PASSWORD", description = "The new password.")
        String password;

        @Override
        void run(Session session) {
            session.out().info(Text.of("ctl.info.changePassword", user));
            String tags = String.join(",", tags(session.user(user)));
            session.api().put(Text.of("ctl.op.changePassword", user), Session.userPath(user),
                    withPassword(password, tags));
            session.out().done(null);
        }
    }

    @Command(name = "set_user_tags", aliases = "set-user-tags",
            description = {"Sets user tags.",
                    "administrator, monitoring, policymaker, management, or others; none clears them."})
    static final class SetUserTags extends CtlSubcommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "The user.")
        String user;

        @Parameters(index = "1..*", paramLabel = "TAG", description = "The tags, separated by spaces.")
        List<String> tags = new ArrayList<>();

        @Override
        void run(Session session) {
            session.out().info(Text.of("ctl.info.setUserTags", user, String.join(", ", tags)));
            JsonNode stored = session.user(user);
            ObjectNode body = ManagementClient.JSON.createObjectNode();
            body.put("password_hash", stored.path("password_hash").asText(""));
            if (stored.hasNonNull("hashing_algorithm")) {
                body.put("hashing_algorithm", stored.get("hashing_algorithm").asText());
            }
            body.put("tags", String.join(",", tags));
            session.api().put(Text.of("ctl.op.setUserTags", user), Session.userPath(user), body);
            session.out().done(null);
        }
    }

    /** The body that sets a password ({@code ""}: none, as rabbitmqctl's blank password) and tags. */
    static ObjectNode withPassword(String password, String tags) {
        ObjectNode body = ManagementClient.JSON.createObjectNode();
        if (password.isEmpty()) {
            body.put("password_hash", "");
        } else {
            body.put("password", password);
        }
        body.put("tags", tags);
        return body;
    }

    /** A user's tags, whether the API sends a list or "a,b". */
    static List<String> tags(JsonNode user) {
        List<String> tags = new ArrayList<>();
        JsonNode node = user.path("tags");
        if (node.isArray()) {
            node.forEach(t -> tags.add(t.asText()));
        } else {
            for (String tag : node.asText("").split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.trim());
                }
            }
        }
        return tags;
    }
}
