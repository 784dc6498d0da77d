package io.mensajero.scenarios.management;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.ManagementApi.Response;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What does not exist is 404 {"error":"Object Not Found","reason":"Not Found"}; a method a
 * resource does not have is 405 with the Allow header listing those it has.
 */
class UnknownObjectsAreNotFound {
    private static final String NOT_FOUND = "{\"error\":\"Object Not Found\",\"reason\":\"Not Found\"}";

    @EachBroker
    void notFound(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        List<Response> missing = List.of(
                api.get("/api/no-such-resource"),
                api.get("/api/users/no-such-user"),
                api.get("/api/vhosts/no-such-vhost"),
                api.delete("/api/vhosts/no-such-vhost"),
                api.get("/api/queues/%2F/no-such-queue"),
                api.delete("/api/queues/%2F/no-such-queue"),
                api.delete("/api/queues/%2F/no-such-queue/contents"),
                api.get("/api/exchanges/%2F/no-such-exchange"),
                api.delete("/api/exchanges/%2F/no-such-exchange"),
                api.get("/api/permissions/%2F/no-such-user"),
                api.get("/api/connections/no-such-connection"),
                api.get("/api/channels/no-such-channel"),
                api.get("/api/policies/%2F/no-such-policy"));
        for (Response r : missing) {
            assertThat(r.status()).isEqualTo(404);
            ManagementApi.assertJson(r.json(), NOT_FOUND);
        }
    }

    /**
     * The channels of a connection that is not there: no empty list on either broker. RabbitMQ
     * 3.10 crashes (a bare 500); Mensajero answers 404 (docs/management-api.md, differences).
     */
    @EachBroker
    void channelsOfAMissingConnection(BrokerUnderTest broker) {
        Response r = ManagementApi.of(broker).get("/api/connections/no-such-connection/channels");
        assertThat(r.status()).isGreaterThanOrEqualTo(400);
        if (!broker.isRabbitMq()) {
            assertThat(r.status()).isEqualTo(404);
            ManagementApi.assertJson(r.json(), NOT_FOUND);
        }
    }

    @EachBroker
    void methodNotAllowed(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        Response r = api.post("/api/users/guest", "{}");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("allow")).isEqualTo("HEAD, GET, PUT, DELETE, OPTIONS");
        Response overview = api.send("PATCH", "/api/overview", null, java.util.Map.of());
        assertThat(overview.status()).isEqualTo(405);
        assertThat(overview.header("allow")).isEqualTo("HEAD, GET, OPTIONS");
    }
}
