package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Basic;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frame errors after which the broker can no longer find the next frame - a frame larger than
 * frame-max, a bad frame-end octet - are fatal: RabbitMQ sends connection.close (501), gives the
 * client a grace period of about 3 s to read it (the socket stays open, close-ok or not), and then
 * closes the socket without waiting any longer.
 */
class FatalFrameErrorsCloseAfterAGracePeriod {
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @EachBroker
    void badFrameEnd(BrokerUnderTest broker) throws IOException {
        byte[] qos = RawFrames.methodPayload(new Basic.Qos(0, 1, false));
        assertGracePeriod(broker, RawFrames.frame(1, 1, qos, 0));
    }

    @EachBroker
    void frameLargerThanFrameMax(BrokerUnderTest broker) throws IOException {
        assertGracePeriod(broker, RawFrames.bodyFrame(1, new byte[131_073]));
    }

    private static void assertGracePeriod(BrokerUnderTest broker, byte[] bad) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.sendQuietly(bad);
            long start = System.nanoTime();
            assertThat(raw.expectConnectionClose().replyCode()).isEqualTo(501);
            assertThat(raw.isClosedByPeerWithin(GRACE)).as("socket closed within the grace period").isFalse();
            raw.expectClosedByPeer(PATIENCE);
            System.out.println("[" + broker.name() + "] socket closed " + (System.nanoTime() - start) / 1_000_000
                    + " ms after a fatal frame error, with no close-ok");
        }
    }
}
