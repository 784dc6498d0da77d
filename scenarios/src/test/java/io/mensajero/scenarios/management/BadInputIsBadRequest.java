package io.mensajero.scenarios.management;

import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.ManagementApi.Response;
import io.mensajero.scenarios.support.Names;
import io.mensajero.scenarios.support.TestUsers;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input is 400 with RabbitMQ's error and reason, word for word: an invalid regular
 * expression in permissions (reason: PCRE's description as Erlang terms) or in a policy, a user
 * without tags, a body that is not JSON, permissions for a user that does not exist, missing keys,
 * policy definitions RabbitMQ does not accept, bad pagination, an inequivalent redeclare.
 */
class BadInputIsBadRequest {

    private static void badRequest(Response r, String reasonJson) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("bad_request");
        ManagementApi.assertJson(r.json().get("reason"), reasonJson);
    }

    @EachBroker
    void users(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        try (TestUsers t = new TestUsers(api)) {
            String user = t.user("bad-input", "pw", "");
            badRequest(api.put("/api/permissions/%2F/" + user, Map.of("configure", "(", "write", ".*", "read", ".*")),
                    "[\"invalid_regexp\",[40],[[109,105,115,115,105,110,103,32,41],1]]");
            badRequest(api.put("/api/permissions/%2F/" + user, Map.of("configure", ".*")),
                    "\"[{key_missing,write},{key_missing,read}]\"");
            badRequest(api.put("/api/permissions/%2F/" + Names.unique("nobody"),
                    Map.of("configure", ".*", "write", ".*", "read", ".*")), "\"vhost_or_user_not_found\"");
            badRequest(api.put("/api/users/" + Names.unique("no-tags"), Map.of("password", "x")), "\"tags_not_present\"");
            badRequest(api.put("/api/users/" + Names.unique("not-json"), "{this is not json"), "\"not_json\"");
        }
    }

    @EachBroker
    void policies(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        String p = "/api/policies/%2F/" + Names.unique("bad-policy");
        badRequest(api.put(p, Map.of("pattern", "(", "definition", Map.of("max-length", 10))),
                "\"Validation failed\\n\\npattern should be regular expression but is invalid: {\\\"missing )\\\",1}\\n\"");
        badRequest(api.put(p, Map.of("pattern", "^a", "definition", Map.of("foo", 10))),
                "\"Validation failed\\n\\n[{&lt;&lt;\\\"foo\\\"&gt;&gt;,10}] are not recognised policy settings\\n\"");
        badRequest(api.put(p, Map.of("pattern", "^a", "definition", Map.of())),
                "\"Validation failed\\n\\nno policy provided\\n\"");
        badRequest(api.put(p, Map.of("pattern", "^a", "definition", Map.of("max-length", "x"))),
                "\"Validation failed\\n\\n&lt;&lt;\\\"x\\\"&gt;&gt; is not a valid maximum length\\n\"");
        badRequest(api.put(p, Map.of("pattern", "^a", "definition", Map.of("max-length", 1), "apply-to", "bogus")),
                "\"Validation failed\\n\\napply-to 'bogus' unrecognised; should be 'queues', 'exchanges' or 'all'\\n\"");
        badRequest(api.put(p, Map.of("definition", Map.of("max-length", 1))), "\"[{key_missing,pattern}]\"");
        assertThat(api.get(p).status()).isEqualTo(404);
    }

    @EachBroker
    void pagination(BrokerUnderTest broker) throws Exception {
        ManagementApi api = ManagementApi.of(broker);
        Response zero = api.get("/api/queues?page=0");
        assertThat(zero.status()).isEqualTo(400);
        ManagementApi.assertJson(zero.json(), "{\"error\":\"invalid_pagination_parameters\","
                + "\"reason\":\"Invalid pagination parameters: page number 0, page size undefined\"}");
        Response big = api.get("/api/queues?page=1&page_size=1000");
        ManagementApi.assertJson(big.json(), "{\"error\":\"invalid_pagination_parameters\","
                + "\"reason\":\"Invalid pagination parameters: page number 1, page size 1000\"}");
        // An invalid expression is refused once there is a name to match it against (an empty list
        // is an empty page on both brokers), so there is a queue here.
        String q = Names.unique("paged");
        try (Connection c = broker.connectionFactory().newConnection()) {
            c.createChannel().queueDeclare(q, false, true, false, null);
            Response regex = api.get("/api/queues?page=1&name=(&use_regex=true");
            ManagementApi.assertJson(regex.json(), "{\"error\":\"bad_request\",\"reason\":\"Pagination parameters are invalid\"}");
        }
        Response outOfRange = api.get("/api/vhosts?page=1000");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().get("error").asText()).isEqualTo("page_out_of_range");
    }

    @EachBroker
    void inequivalentRedeclare(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        String q = Names.unique("api-q");
        try {
            assertThat(api.put("/api/queues/%2F/" + q, Map.of("durable", true)).status()).isEqualTo(201);
            assertThat(api.put("/api/queues/%2F/" + q, Map.of("durable", true)).status()).isEqualTo(204);
            badRequest(api.put("/api/queues/%2F/" + q, Map.of("durable", false)), "\"inequivalent arg 'durable' for queue '"
                    + q + "' in vhost '/': received 'false' but current is 'true'\"");
            badRequest(api.put("/api/queues/%2F/" + q, Map.of("durable", "yes")), "[\"not_boolean\",\"yes\"]");
            Response reserved = api.put("/api/queues/%2F/amq." + q, Map.of());
            assertThat(reserved.status()).isEqualTo(401);
            ManagementApi.assertJson(reserved.json(), "{\"error\":\"not_authorised\",\"reason\":\"Access refused.\"}");
            Response noVhost = api.put("/api/queues/" + Names.unique("no-vhost") + "/" + q, Map.of());
            assertThat(noVhost.status()).isEqualTo(404);
            ManagementApi.assertJson(noVhost.json(), "{\"error\":\"not_found\",\"reason\":\"vhost_not_found\"}");
        } finally {
            api.delete("/api/queues/%2F/" + q);
        }
    }
}
