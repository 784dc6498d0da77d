package io.mensajero.scenarios.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code export_definitions} writes the broker's definitions (users with password hashes, never
 * passwords; vhosts, queues, exchanges, bindings, policies); {@code import_definitions} of what
 * was exported brings a deleted queue, exchange and binding back. Only the scenario's own vhost is
 * imported, so a shared broker is left as it was.
 */
class CtlExportsAndImportsDefinitions {
    private static final ObjectMapper JSON = new ObjectMapper();

    @EachBroker
    void exportThenImport(BrokerUnderTest broker, @TempDir Path dir) throws Exception {
        String user = Names.unique("ctl-defs-user");
        try (ScratchVhost scratch = ScratchVhost.create(broker); Connection connection = scratch.connect()) {
            String v = scratch.name();
            Ctl.ok(broker, "add_user", user, "defs-secret");
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("kept.x", "direct", true);
            channel.queueDeclare("kept", true, false, false, null);
            channel.queueBind("kept", "kept.x", "k");
            Ctl.ok(broker, "set_policy", "-p", v, "kept-policy", "^kept$", "{\"max-length\":9}");

            Path file = dir.resolve("definitions.json");
            Ctl.Result exported = Ctl.ok(broker, "export_definitions", file.toString());
            assertThat(exported.out()).isEqualTo("Exporting definitions in JSON to a file at \"" + file + "\" ...\n");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("defs-secret");
            JsonNode all = JSON.readTree(text);
            assertThat(named(all.path("users"), user).path("password_hash").asText()).isNotEmpty();
            assertThat(named(all.path("vhosts"), v)).isNotNull();
            assertThat(Ctl.ok(broker, "export_definitions", "-").json().path("queues").toString())
                    .contains("\"name\":\"kept\"");

            channel.queueDelete("kept");
            channel.exchangeDelete("kept.x");
            Ctl.ok(broker, "clear_policy", "-p", v, "kept-policy");
            Path ours = dir.resolve("ours.json");
            Files.writeString(ours, JSON.writeValueAsString(onlyVhost(all, v)), StandardCharsets.UTF_8);

            Ctl.Result imported = Ctl.ok(broker, "import_definitions", ours.toString());
            assertThat(imported.out()).isEqualTo("Importing definitions in JSON from a file at \"" + ours + "\" ...\n"
                    + "Definitions imported.\n");
            channel.queueDeclarePassive("kept");
            channel.exchangeDeclarePassive("kept.x");
            assertThat(Ctl.rows(broker, "list_bindings", "-p", v, "source_name", "destination_name", "routing_key"))
                    .contains(List.of("kept.x", "kept", "k"));
            assertThat(Ctl.rows(broker, "list_policies", "-p", v, "name")).isNotEmpty();
            assertThat(Ctl.ok(broker, "import_definitions", ours.toString(), "--formatter", "json").out())
                    .isEqualTo("{\"result\":\"ok\"}\n");
        } finally {
            Ctl.run(broker, "delete_user", user);
        }
    }

    /** The export cut down to one vhost: the vhost itself and what is in it. */
    private static ObjectNode onlyVhost(JsonNode all, String vhost) {
        ObjectNode ours = JSON.createObjectNode();
        ArrayNode vhosts = ours.putArray("vhosts");
        vhosts.add(named(all.path("vhosts"), vhost));
        for (String kind : new String[]{"queues", "exchanges", "bindings", "policies"}) {
            ArrayNode items = ours.putArray(kind);
            all.path(kind).forEach(item -> {
                if (vhost.equals(item.path("vhost").asText())) {
                    items.add(item);
                }
            });
        }
        return ours;
    }

    private static JsonNode named(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("no '" + name + "' in " + items);
    }
}
