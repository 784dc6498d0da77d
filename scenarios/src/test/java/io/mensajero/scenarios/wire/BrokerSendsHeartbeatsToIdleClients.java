package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Frame;
import io.mensajero.protocol.HeartbeatFrame;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a heartbeat is negotiated the broker sends heartbeat frames (on channel 0) to a client it has
 * nothing else to send to - RabbitMQ every half heartbeat interval; with heartbeat 0 it sends none.
 */
class BrokerSendsHeartbeatsToIdleClients {

    @EachBroker
    void heartbeatsWhenNegotiated(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.to(broker).handshake(1)) {
            List<Frame> frames = framesWhileSendingHeartbeats(raw, Duration.ofSeconds(3));
            assertThat(frames).allMatch(f -> f instanceof HeartbeatFrame && f.channel() == 0);
            System.out.println("[" + broker.name() + "] " + frames.size() + " heartbeats in 3 s (heartbeat 1 s)");
            assertThat(frames.size()).as("heartbeat frames in 3 s with heartbeat 1 s").isGreaterThanOrEqualTo(2);
        }
    }

    @EachBroker
    void noHeartbeatsWhenTheClientTurnsThemOff(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.to(broker).handshake(0)) {
            assertThat(raw.drain(Duration.ofMillis(2_500))).as("frames from the broker with heartbeat 0").isEmpty();
        }
    }

    private static List<Frame> framesWhileSendingHeartbeats(RawConnection raw, Duration window) throws IOException {
        List<Frame> frames = new ArrayList<>();
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            raw.sendHeartbeat();
            frames.addAll(raw.drain(Duration.ofMillis(300)));
        }
        return frames;
    }
}
