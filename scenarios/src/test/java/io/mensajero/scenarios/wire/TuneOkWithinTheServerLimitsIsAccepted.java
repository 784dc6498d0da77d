package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server proposes RabbitMQ's limits (channel-max 2047, frame-max 131072, heartbeat 60) and a
 * client may take smaller ones: the smallest frame-max (4096), one channel, no heartbeat.
 */
class TuneOkWithinTheServerLimitsIsAccepted {

    @EachBroker
    void serverProposesRabbitMqsDefaults(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.to(broker)) {
            raw.sendProtocolHeader();
            assertThat(raw.startOk()).isEqualTo(new Connection.Tune(2047, 131_072, 60));
        }
    }

    @EachBroker
    void smallestFrameMaxOneChannelNoHeartbeat(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.to(broker)) {
            raw.sendProtocolHeader();
            raw.startOk();
            raw.tuneOk(new RawConnection.Tuning(1, 4096, 0));
            raw.open();
            raw.openChannel(1);
        }
    }
}
