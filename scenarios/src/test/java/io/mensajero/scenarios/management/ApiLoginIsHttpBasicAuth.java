package io.mensajero.scenarios.management;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.ManagementApi.Response;
import io.mensajero.scenarios.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management API logs users in with HTTP basic auth: no credentials is 401 with a challenge
 * and no body; wrong ones 401 "Login failed"; a user without a management tag 401 "Not
 * management user"; {@code /api/whoami} names the user and its tags.
 */
class ApiLoginIsHttpBasicAuth {
    private static final String CHALLENGE = "Basic realm=\"RabbitMQ Management\"";

    @EachBroker
    void noCredentials(BrokerUnderTest broker) {
        Response r = ManagementApi.of(broker).anonymous().get("/api/overview");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("www-authenticate")).isEqualTo(CHALLENGE);
        assertThat(r.body()).isEmpty();
    }

    @EachBroker
    void wrongPasswordOrUnknownUser(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        for (Response r : new Response[] {api.as("guest", "wrong").get("/api/overview"),
                api.as("no-such-user-at-all", "x").get("/api/whoami")}) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("www-authenticate")).isEqualTo(CHALLENGE);
            ManagementApi.assertJson(r.json(), "{\"error\":\"not_authorized\",\"reason\":\"Login failed\"}");
        }
    }

    @EachBroker
    void userWithoutManagementTag(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        try (TestUsers t = new TestUsers(api)) {
            String user = t.user("notags", "pw", "");
            Response r = api.as(user, "pw").get("/api/overview");
            assertThat(r.status()).isEqualTo(401);
            ManagementApi.assertJson(r.json(), "{\"error\":\"not_authorised\",\"reason\":\"Not management user\"}");
        }
    }

    @EachBroker
    void whoami(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        ManagementApi.assertJson(api.get("/api/whoami").json(), "{\"name\":\"guest\",\"tags\":[\"administrator\"]}");
        try (TestUsers t = new TestUsers(api)) {
            String user = t.user("watcher", "pw", "monitoring,management");
            ManagementApi.assertJson(api.as(user, "pw").get("/api/whoami").json(), "{\"name\":\"" + user + "\",\"tags\":[\"monitoring\",\"management\"]}");
        }
    }
}
