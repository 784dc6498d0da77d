package io.mensajero.scenarios.wire;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a heartbeat of 1 s negotiated, a client that sends nothing at all is taken for dead and its
 * socket closed, without connection.close (RabbitMQ: after about 3 s); a client that keeps sending
 * heartbeats stays connected.
 */
class SilentClientIsDisconnectedByHeartbeats {

    @EachBroker
    void silentClientIsDisconnected(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.to(broker).handshake(1)) {
            long start = System.nanoTime();
            raw.expectClosedByPeer(Duration.ofSeconds(20));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("[" + broker.name() + "] silent client disconnected after " + millis + " ms");
            assertThat(millis).as("ms until the broker gave up on a silent client (heartbeat 1 s)").isGreaterThanOrEqualTo(1_000);
        }
    }

    @EachBroker
    void clientSendingHeartbeatsStaysConnected(BrokerUnderTest broker) throws Exception {
        try (RawConnection raw = RawConnection.to(broker).handshake(1)) {
            long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < end) {
                raw.sendHeartbeat();
                raw.drain(Duration.ofMillis(400));
            }
            raw.openChannel(1);
        }
    }
}
