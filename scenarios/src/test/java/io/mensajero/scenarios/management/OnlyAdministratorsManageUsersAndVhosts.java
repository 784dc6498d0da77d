package io.mensajero.scenarios.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.ManagementApi.Response;
import io.mensajero.scenarios.support.TestUsers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users, vhosts, permissions and definitions are the administrator's: a management user is
 * refused with 401 "Not administrator user". A management user sees only the vhosts it has
 * permissions in (and their queues); another vhost's objects are 401 "User not authorised to
 * access virtual host". Monitoring users see every vhost.
 */
class OnlyAdministratorsManageUsersAndVhosts {
    private static final String NOT_ADMIN = "{\"error\":\"not_authorised\",\"reason\":\"Not administrator user\"}";

    @EachBroker
    void managementUserIsRefused(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        try (TestUsers t = new TestUsers(api)) {
            String user = t.user("manager", "pw", "management");
            ManagementApi as = api.as(user, "pw");
            List<Response> refused = new ArrayList<>();
            refused.add(as.get("/api/users"));
            refused.add(as.put("/api/users/" + user + "-other", Map.of("password", "x", "tags", "")));
            refused.add(as.delete("/api/users/guest"));
            refused.add(as.put("/api/vhosts/" + user + "-vhost", Map.of()));
            refused.add(as.get("/api/permissions"));
            refused.add(as.put("/api/permissions/%2F/" + user, Map.of("configure", ".*", "write", ".*", "read", ".*")));
            refused.add(as.get("/api/definitions"));
            for (Response r : refused) {
                assertThat(r.status()).isEqualTo(401);
                ManagementApi.assertJson(r.json(), NOT_ADMIN);
            }
            assertThat(api.get("/api/users/" + user + "-other").status()).isEqualTo(404);
        }
    }

    @EachBroker
    void managementUserSeesItsVhostsOnly(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        try (TestUsers t = new TestUsers(api)) {
            String user = t.user("scoped", "pw", "management");
            String mine = t.vhost("mine");
            String theirs = t.vhost("theirs");
            t.permit(user, mine, ".*", ".*", ".*");
            ManagementApi as = api.as(user, "pw");
            assertThat(names(as.get("/api/vhosts").json())).containsExactly(mine);
            Response declared = as.put("/api/queues/" + mine + "/q1", Map.of("durable", false));
            assertThat(declared.status()).as(declared.body()).isEqualTo(201);
            assertThat(api.put("/api/queues/" + theirs + "/q2", Map.of("durable", false)).status()).isEqualTo(201);
            assertThat(names(as.get("/api/queues").json())).containsExactly("q1");
            Response other = as.get("/api/queues/" + theirs);
            assertThat(other.status()).isEqualTo(401);
            ManagementApi.assertJson(other.json(), 
                    "{\"error\":\"not_authorised\",\"reason\":\"User not authorised to access virtual host\"}");
            String monitor = t.user("monitor", "pw", "monitoring");
            assertThat(names(api.as(monitor, "pw").get("/api/vhosts").json())).contains(mine, theirs, "/");
        }
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("name").asText()));
        return out;
    }
}
