package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Basic;
import io.mensajero.protocol.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A method on a channel that was never opened closes the connection with 504 CHANNEL_ERROR
 * "expected 'channel.open'", naming the method; a content frame there is an unexpected frame (505).
 */
class ChannelMustBeOpenedFirst {

    @EachBroker
    void methodOnAChannelNeverOpened(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker)) {
            raw.send(5, new Basic.Qos(0, 1, false));
            assertThat(raw.expectConnectionCloseAndClosed())
                    .isEqualTo(new Connection.Close(504, "CHANNEL_ERROR - expected 'channel.open'", 60, 10));
        }
    }

    @EachBroker
    void contentHeaderOnAChannelNeverOpened(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker)) {
            raw.sendBytes(RawFrames.headerFrame(5, 60, 3));
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(505,
                    "UNEXPECTED_FRAME - expected method frame, got non method frame instead", 0, 0));
        }
    }
}
