package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that opens with a protocol header the broker does not speak gets the header of the
 * protocol it does speak ({@code AMQP 0 0 9 1}) and the socket closed, whether it asks for
 * another AMQP version or is not AMQP at all.
 */
class WrongProtocolHeaderGetsTheSupportedOne {
    private static final byte[] AMQP_0_9_1 = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};

    /** Sends the header, reads the 8-byte answer, and checks the broker then closes the socket. */
    private static byte[] answerTo(BrokerUnderTest broker, byte[] header) throws Exception {
        try (Socket socket = new Socket(broker.host(), broker.port())) {
            socket.setSoTimeout((int) Amqp.PATIENCE.toMillis());
            socket.getOutputStream().write(header);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(8);
            assertThat(closedByBroker(in)).as("socket closed after the header").isTrue();
            return answer;
        }
    }

    /** End of stream or a reset (RabbitMQ resets: it closes with the rest of the request unread). */
    private static boolean closedByBroker(InputStream in) throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    @EachBroker
    void amqp10Header(BrokerUnderTest broker) throws Exception {
        assertThat(answerTo(broker, new byte[] {'A', 'M', 'Q', 'P', 0, 1, 0, 0})).isEqualTo(AMQP_0_9_1);
    }

    @EachBroker
    void httpRequest(BrokerUnderTest broker) throws Exception {
        assertThat(answerTo(broker, "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(AMQP_0_9_1);
    }

    @EachBroker
    void laterAmqp091Revision(BrokerUnderTest broker) throws Exception {
        assertThat(answerTo(broker, new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 2})).isEqualTo(AMQP_0_9_1);
    }
}
