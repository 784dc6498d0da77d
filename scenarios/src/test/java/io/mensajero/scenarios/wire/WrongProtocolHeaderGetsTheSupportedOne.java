package io.mensajero.scenarios.wire;

import io.mensajero.protocol.AmqpConstants;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that opens with anything but "AMQP" 0 0 9 1 gets "AMQP" 0 0 9 1 back, and the broker
 * closes the socket: another AMQP version, another protocol (HTTP), AMQP 1.0 plain or TLS.
 *
 * <p>(RabbitMQ 3.10 also still accepts the legacy 0-8 and 0-9 headers, "AMQP" 1 1 8 0 and
 * "AMQP" 1 1 0 9, with a connection.start; those are not part of Mensajero's protocol.)
 */
class WrongProtocolHeaderGetsTheSupportedOne {

    @EachBroker
    void amqp0_9_2(BrokerUnderTest broker) throws IOException {
        assertAnsweredWithTheSupportedHeader(broker, new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 2});
    }

    @EachBroker
    void http(BrokerUnderTest broker) throws IOException {
        assertAnsweredWithTheSupportedHeader(broker,
                "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @EachBroker
    void amqp1_0(BrokerUnderTest broker) throws IOException {
        assertAnsweredWithTheSupportedHeader(broker, new byte[] {'A', 'M', 'Q', 'P', 0, 1, 0, 0});
    }

    @EachBroker
    void amqp1_0OverTls(BrokerUnderTest broker) throws IOException {
        assertAnsweredWithTheSupportedHeader(broker, new byte[] {'A', 'M', 'Q', 'P', 3, 1, 0, 0});
    }

    private static void assertAnsweredWithTheSupportedHeader(BrokerUnderTest broker, byte[] header) throws IOException {
        try (RawConnection raw = RawConnection.to(broker)) {
            raw.sendBytes(header);
            byte[] answer = raw.expectClosedByPeer();
            assertThat(answer).as("all the broker sent before closing").isEqualTo(AmqpConstants.PROTOCOL_HEADER);
        }
    }
}
