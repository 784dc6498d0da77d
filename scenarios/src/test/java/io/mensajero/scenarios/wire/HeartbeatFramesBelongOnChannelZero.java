package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A heartbeat frame is empty and travels on channel 0: one on another channel closes the connection
 * with 505 UNEXPECTED_FRAME, one with a payload with 501 FRAME_ERROR.
 */
class HeartbeatFramesBelongOnChannelZero {

    @EachBroker
    void heartbeatOnChannelOne(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.sendBytes(RawFrames.frame(8, 1, new byte[0]));
            assertThat(raw.expectConnectionCloseAndClosed())
                    .isEqualTo(new Connection.Close(505, "UNEXPECTED_FRAME - type 8, all octets = <<>>", 0, 0));
        }
    }

    @EachBroker
    void heartbeatWithAPayload(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.sendBytes(RawFrames.frame(8, 0, new byte[] {1}));
            assertThat(raw.expectConnectionCloseAndClosed())
                    .isEqualTo(new Connection.Close(501, "FRAME_ERROR - type 8, all octets = <<1>>: unknown_frame", 0, 0));
        }
    }
}
