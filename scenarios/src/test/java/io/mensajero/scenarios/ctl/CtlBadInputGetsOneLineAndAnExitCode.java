package io.mensajero.scenarios.ctl;

import io.mensajero.cli.Main;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes wrong with {@code mensajero ctl} is one line on stderr and an exit code from the
 * table: 2 usage (a malformed definitions file), 3 unreachable, 4 a wrong password, 5 a missing
 * vhost or a user who may not, 6 the broker refused (unknown user, invalid regular expression).
 */
class CtlBadInputGetsOneLineAndAnExitCode {

    @EachBroker
    void unknownUserOrVhost(BrokerUnderTest broker) {
        String user = Names.unique("no-such-user");
        String vhost = Names.unique("no-such-vhost");
        assertThat(Ctl.fails(broker, 6, "delete_user", user)).isEqualTo("mensajero: user '" + user + "' does not exist");
        assertThat(Ctl.fails(broker, 6, "list_user_permissions", user)).isEqualTo("mensajero: user '" + user
                + "' does not exist");
        assertThat(Ctl.fails(broker, 6, "set_permissions", user, ".*", ".*", ".*"))
                .isEqualTo("mensajero: user '" + user + "' does not exist");
        assertThat(Ctl.fails(broker, 5, "delete_vhost", vhost)).isEqualTo("mensajero: virtual host '" + vhost
                + "' does not exist");
        assertThat(Ctl.fails(broker, 5, "list_queues", "-p", vhost)).isEqualTo("mensajero: virtual host '" + vhost
                + "' does not exist");
        assertThat(Ctl.fails(broker, 5, "set_permissions", "-p", vhost, "guest", ".*", ".*", ".*"))
                .isEqualTo("mensajero: virtual host '" + vhost + "' does not exist");
    }

    @EachBroker
    void inSpanishTheLinesAreSpanishAndTheBrokersWordsAndTablesAreAsTheyAre(BrokerUnderTest broker) {
        String user = Names.unique("no-such-user");
        assertThat(Ctl.fails(broker, 6, "delete_user", user, "--lang", "es"))
                .isEqualTo("mensajero: el usuario '" + user + "' no existe");
        assertThat(Ctl.fails(broker, 4, "list_users", "--password", "not-the-password", "--lang", "es"))
                .isEqualTo("mensajero: falló la autenticación del usuario 'guest' en la API de gestión "
                        + broker.managementUri() + " (usuario o contraseña incorrectos)");
        try (ScratchVhost scratch = ScratchVhost.create(broker)) {
            String line = Ctl.fails(broker, 6, "set_permissions", "-p", scratch.name(), "guest", "(", ".*", ".*",
                    "--lang", "es");
            String english = Ctl.fails(broker, 6, "set_permissions", "-p", scratch.name(), "guest", "(", ".*", ".*",
                    "--lang", "en");
            assertThat(line).startsWith("mensajero: el broker se negó a fijar los permisos del usuario 'guest' en el vhost '"
                    + scratch.name() + "': 400 ");
            assertThat(line.substring(line.indexOf(": 400 "))).as("the broker's words, untranslated")
                    .isEqualTo(english.substring(english.indexOf(": 400 ")));
            Ctl.Result spanish = Ctl.ok(broker, "list_permissions", "-p", scratch.name(), "--lang", "es");
            Ctl.Result inEnglish = Ctl.ok(broker, "list_permissions", "-p", scratch.name(), "--lang", "en");
            assertThat(spanish.out()).startsWith("Listando los permisos del vhost \"" + scratch.name() + "\" ...\n");
            assertThat(inEnglish.out()).startsWith("Listing permissions for vhost \"" + scratch.name() + "\" ...\n");
            assertThat(spanish.out().lines().skip(1).toList()).as("rabbitmqctl's table, the same in both")
                    .isEqualTo(inEnglish.out().lines().skip(1).toList()).isNotEmpty();
        }
    }

    @EachBroker
    void invalidRegularExpression(BrokerUnderTest broker) {
        try (ScratchVhost scratch = ScratchVhost.create(broker)) {
            String line = Ctl.fails(broker, 6, "set_permissions", "-p", scratch.name(), "guest", "(", ".*", ".*");
            assertThat(line).startsWith("mensajero: the broker refused to set the permissions of user 'guest' in vhost '"
                    + scratch.name() + "': 400 ").containsIgnoringCase("regular expression");
            assertThat(Ctl.rows(broker, "list_permissions", "-p", scratch.name())).as("unchanged")
                    .containsExactly(java.util.List.of("guest", ".*", ".*", ".*"));
        }
    }

    @EachBroker
    void wrongAdminPassword(BrokerUnderTest broker) {
        String line = Ctl.fails(broker, 4, "list_users", "--password", "not-the-password");
        assertThat(line).isEqualTo("mensajero: authentication failed for user 'guest' at the management API "
                + broker.managementUri() + " (wrong user name or password)");
    }

    @EachBroker
    void aUserWhoIsNoAdministratorCannotAddUsers(BrokerUnderTest broker) {
        String manager = Names.unique("ctl-manager");
        String other = Names.unique("ctl-other");
        try {
            Ctl.ok(broker, "add_user", manager, "manager-secret");
            Ctl.ok(broker, "set_user_tags", manager, "management");
            String line = Ctl.fails(broker, 5, "add_user", other, "x", "--username", manager,
                    "--password", "manager-secret");
            assertThat(line).startsWith("mensajero: user '" + manager + "' may not add user '" + other + "' at ")
                    .contains("Not administrator user").doesNotContain("manager-secret");
            assertThat(Ctl.rows(broker, "list_users", "user")).doesNotContain(java.util.List.of(other));
        } finally {
            Ctl.run(broker, "delete_user", other);
            Ctl.run(broker, "delete_user", manager);
        }
    }

    @EachBroker
    void malformedDefinitionsFile(BrokerUnderTest broker, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"queues\": [{\"name\": \"half", StandardCharsets.UTF_8);
        assertThat(Ctl.fails(broker, 2, "import_definitions", file.toString()))
                .startsWith("mensajero: the definitions in " + file + " are not valid JSON (line 1, column ");
        assertThat(Ctl.fails(broker, 2, "import_definitions", dir.resolve("missing.json").toString()))
                .isEqualTo("mensajero: file " + dir.resolve("missing.json") + " does not exist");
    }

    @EachBroker
    void unreachableManagementApi(BrokerUnderTest broker) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "ctl", "--management-url",
                "http://guest:hidden@127.0.0.1:" + closedPort, "list_queues");
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("mensajero: cannot reach the management API at http://127.0.0.1:" + closedPort
                        + " to list queues (connection refused").doesNotContain("hidden");
    }
}
