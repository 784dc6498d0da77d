package io.mensajero.scenarios.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users, vhosts and permissions made, changed and removed with {@code mensajero ctl}, each change
 * seen in the listings (table and JSON) and by the broker itself: who may open which vhost with
 * which password. Passwords never appear in what ctl prints.
 */
class CtlRoundTripsUsersVhostsAndPermissions {

    @EachBroker
    void usersVhostsAndPermissions(BrokerUnderTest broker) {
        String user = Names.unique("ctl-user");
        String vhost = Names.unique("ctl-vhost");
        List<Ctl.Result> printed = new ArrayList<>();
        try {
            Ctl.Result added = Ctl.ok(broker, "add_user", user, "first-secret");
            printed.add(added);
            assertThat(added.out()).startsWith("Adding user \"" + user + "\" ...\nDone.");
            assertThat(Ctl.rows(broker, "list_users")).contains(List.of(user, "[]"));

            printed.add(Ctl.ok(broker, "set_user_tags", user, "monitoring", "policymaker"));
            assertThat(Ctl.rows(broker, "list_users")).contains(List.of(user, "[monitoring, policymaker]"));
            JsonNode users = Ctl.json(broker, "list_users");
            assertThat(find(users, "user", user).toString()).isEqualTo("{\"user\":\"" + user
                    + "\",\"tags\":[\"monitoring\",\"policymaker\"]}");

            printed.add(Ctl.ok(broker, "add_vhost", vhost));
            assertThat(Ctl.rows(broker, "list_vhosts")).contains(List.of(vhost));
            assertThat(find(Ctl.json(broker, "list_vhosts", "name", "tracing"), "name", vhost).toString())
                    .isEqualTo("{\"name\":\"" + vhost + "\",\"tracing\":false}");
            assertThat(Ctl.rows(broker, "list_permissions", "-p", vhost)).as("nobody may use a new vhost").isEmpty();
            assertThat(canOpen(broker, user, "first-secret", vhost)).isFalse();

            printed.add(Ctl.ok(broker, "set_permissions", "-p", vhost, user, "^app\\.", ".*", ".*"));
            assertThat(Ctl.rows(broker, "list_permissions", "-p", vhost))
                    .containsExactly(List.of(user, "^app\\.", ".*", ".*"));
            assertThat(Ctl.json(broker, "list_user_permissions", user).toString()).isEqualTo("[{\"vhost\":\"" + vhost
                    + "\",\"configure\":\"^app\\\\.\",\"write\":\".*\",\"read\":\".*\"}]");
            assertThat(canOpen(broker, user, "first-secret", vhost)).isTrue();

            printed.add(Ctl.ok(broker, "change_password", user, "second-secret"));
            assertThat(canOpen(broker, user, "first-secret", vhost)).isFalse();
            assertThat(canOpen(broker, user, "second-secret", vhost)).isTrue();
            assertThat(Ctl.rows(broker, "list_users")).as("tags kept").contains(List.of(user, "[monitoring, policymaker]"));
            printed.add(Ctl.ok(broker, "set_user_tags", user, "management"));
            assertThat(canOpen(broker, user, "second-secret", vhost)).as("password kept").isTrue();

            printed.add(Ctl.ok(broker, "clear_permissions", "-p", vhost, user));
            assertThat(Ctl.rows(broker, "list_user_permissions", user)).isEmpty();
            assertThat(canOpen(broker, user, "second-secret", vhost)).isFalse();

            printed.add(Ctl.ok(broker, "delete_vhost", vhost));
            assertThat(Ctl.rows(broker, "list_vhosts")).doesNotContain(List.of(vhost));
            printed.add(Ctl.ok(broker, "delete_user", user, "--formatter", "json"));
            assertThat(printed.get(printed.size() - 1).out()).isEqualTo("{\"result\":\"ok\"}\n");
            assertThat(Ctl.rows(broker, "list_users", "user")).doesNotContain(List.of(user));
            assertThat(printed).allSatisfy(result -> assertThat(result.out() + result.err())
                    .doesNotContain("first-secret").doesNotContain("second-secret"));
        } finally {
            Ctl.run(broker, "delete_vhost", vhost);
            Ctl.run(broker, "delete_user", user);
        }
    }

    static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (value.equals(row.path(field).asText())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + "=" + value + " in " + rows);
    }

    /** Whether the user can open an AMQP connection to the vhost with that password. */
    static boolean canOpen(BrokerUnderTest broker, String user, String password, String vhost) {
        ConnectionFactory factory = broker.connectionFactory();
        factory.setUsername(user);
        factory.setPassword(password);
        factory.setVirtualHost(vhost);
        try (Connection ignored = factory.newConnection()) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
