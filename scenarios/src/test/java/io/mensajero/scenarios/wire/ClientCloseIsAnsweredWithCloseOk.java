package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Connection;
import io.mensajero.protocol.Frame;
import io.mensajero.protocol.Queue;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's connection.close is answered with close-ok on channel 0; whatever the client sends
 * after its close is ignored. Closing the socket is then the client's job: RabbitMQ leaves it open
 * (it drops it after 30 s if the client does not close it).
 */
class ClientCloseIsAnsweredWithCloseOk {

    @EachBroker
    void closeOkComesBack(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.send(0, new Connection.Close(200, "Goodbye", 0, 0));
            raw.expectMethod(0, Connection.CloseOk.class);
        }
    }

    @EachBroker
    void methodsAfterTheCloseAreIgnored(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.send(0, new Connection.Close(200, "Goodbye", 0, 0));
            raw.send(1, new Queue.Declare("", false, false, true, true, false, Map.of()));
            raw.expectMethod(0, Connection.CloseOk.class);
            List<Frame> after = drainUntilClosed(raw, Duration.ofMillis(500));
            assertThat(after).as("frames after close-ok").isEmpty();
        }
    }

    @EachBroker
    void theClientClosesTheSocket(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.send(0, new Connection.Close(200, "Goodbye", 0, 0));
            raw.expectMethod(0, Connection.CloseOk.class);
            assertThat(raw.isClosedByPeerWithin(Duration.ofSeconds(1)))
                    .as("the broker closed the socket within 1 s of close-ok").isFalse();
        }
    }

    private static List<Frame> drainUntilClosed(RawConnection raw, Duration window) throws IOException {
        try {
            return raw.drain(window);
        } catch (RawConnection.PeerClosed closed) {
            return List.of();
        }
    }
}
