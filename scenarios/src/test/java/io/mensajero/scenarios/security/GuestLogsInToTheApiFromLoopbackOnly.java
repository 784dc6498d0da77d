package io.mensajero.scenarios.security;

import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.ManagementApi.Response;
import io.mensajero.scenarios.wire.GuestIsRefusedFromANonLoopbackAddress;

import java.net.InetAddress;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * loopback_users holds for the management API too: guest with the right password, from one of
 * the machine's other addresses, is 401 {"error":"not_authorised","reason":"User can only log in
 * via localhost"} (no challenge: the password was right). Skipped when the machine has no
 * non-loopback address (the AMQP side is {@code GuestIsRefusedFromANonLoopbackAddress}).
 */
class GuestLogsInToTheApiFromLoopbackOnly {

    @EachBroker
    void refusedFromAnotherAddress(BrokerUnderTest broker) throws Exception {
        InetAddress address = GuestIsRefusedFromANonLoopbackAddress.nonLoopbackAddress();
        Broker own = broker.isRabbitMq() ? null
                : Broker.start(BrokerConfig.builder().bindAddress("0.0.0.0").port(0).managementPort(0).build());
        try {
            int port = own == null ? URI.create(ManagementApi.of(broker).base()).getPort() : own.managementPort();
            ManagementApi remote = ManagementApi.at("http://" + address.getHostAddress() + ":" + port);
            Response r = remote.get("/api/whoami");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("www-authenticate")).isNull();
            ManagementApi.assertJson(r.json(),
                    "{\"error\":\"not_authorised\",\"reason\":\"User can only log in via localhost\"}");
            ManagementApi local = ManagementApi.at("http://127.0.0.1:" + port);
            assertThat(local.get("/api/whoami").status()).isEqualTo(200);
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }
}
