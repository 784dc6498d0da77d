package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Channel;
import io.mensajero.protocol.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** A second channel.open on an open channel closes the connection with 504 CHANNEL_ERROR. */
class ChannelCannotBeOpenedTwice {

    @EachBroker
    void secondChannelOpen(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.send(1, new Channel.Open());
            assertThat(raw.expectConnectionCloseAndClosed())
                    .isEqualTo(new Connection.Close(504, "CHANNEL_ERROR - second 'channel.open' seen", 20, 10));
        }
    }
}
