package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Basic;
import io.mensajero.protocol.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After sending connection.close for a connection error, the broker waits for the client's
 * close-ok before closing the socket (RabbitMQ gives up after 30 s), and closes it right after
 * close-ok. This holds for frame errors found while reading a frame's payload too (unknown frame
 * type, arguments that cannot be decoded); only the frame errors that leave the stream out of sync
 * close the socket on their own, see {@link FatalFrameErrorsCloseAfterAGracePeriod}.
 */
class ConnectionErrorsWaitForCloseOk {
    private static final Duration WAIT = Duration.ofSeconds(1);

    @EachBroker
    void afterAChannelError(BrokerUnderTest broker) throws IOException {
        assertWaitsForCloseOk(broker, RawFrames.frameOf(5, new Basic.Qos(0, 1, false)), 504);
    }

    @EachBroker
    void afterAnUnknownFrameType(BrokerUnderTest broker) throws IOException {
        assertWaitsForCloseOk(broker, RawFrames.frame(9, 0, new byte[] {1}), 501);
    }

    @EachBroker
    void afterArgumentsThatCannotBeDecoded(BrokerUnderTest broker) throws IOException {
        assertWaitsForCloseOk(broker, RawFrames.frame(1, 1, new byte[] {0, 60, 0, 10, 0}), 501);
    }

    private static void assertWaitsForCloseOk(BrokerUnderTest broker, byte[] bad, int code) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.sendBytes(bad);
            Connection.Close close = raw.expectConnectionClose();
            assertThat(close.replyCode()).as(close.toString()).isEqualTo(code);
            assertThat(raw.isClosedByPeerWithin(WAIT)).as("socket closed before close-ok").isFalse();
            long sent = System.nanoTime();
            raw.sendBytes(RawFrames.frameOf(0, new Connection.CloseOk()));
            raw.expectClosedByPeer(Duration.ofSeconds(2));
            System.out.println("[" + broker.name() + "] socket closed " + (System.nanoTime() - sent) / 1_000_000 + " ms after close-ok");
        }
    }
}
