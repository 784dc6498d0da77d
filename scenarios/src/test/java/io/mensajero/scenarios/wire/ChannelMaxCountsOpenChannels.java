package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Channel;
import io.mensajero.protocol.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RabbitMQ 3.10 reads the negotiated channel-max as the number of channels a connection may have
 * open at once, not as the highest channel number: channel 65535 opens fine under channel-max 2047,
 * and with channel-max 2 the third open channel is refused with 530 NOT_ALLOWED (class and method
 * ids 0), whatever the numbers. A closed channel frees its place.
 */
class ChannelMaxCountsOpenChannels {

    @EachBroker
    void channelNumbersAboveChannelMaxOpen(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker)) {
            int channelMax = raw.tune().channelMax();
            raw.openChannel(channelMax + 1);
            raw.openChannel(65_535);
        }
    }

    @EachBroker
    void oneChannelTooMany(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = withChannelMaxTwo(broker)) {
            raw.openChannel(1);
            raw.openChannel(2);
            raw.send(3, new Channel.Open());
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(530,
                    "NOT_ALLOWED - number of channels opened (2) has reached the negotiated channel_max (2)", 0, 0));
        }
    }

    @EachBroker
    void aClosedChannelFreesItsPlace(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = withChannelMaxTwo(broker)) {
            raw.openChannel(1);
            raw.openChannel(2);
            raw.send(2, new Channel.Close(200, "done", 0, 0));
            raw.expectMethod(2, Channel.CloseOk.class);
            raw.openChannel(3);
        }
    }

    private static RawConnection withChannelMaxTwo(BrokerUnderTest broker) throws IOException {
        RawConnection raw = RawConnection.to(broker);
        try {
            raw.sendProtocolHeader();
            Connection.Tune tune = raw.startOk();
            raw.tuneOk(new RawConnection.Tuning(2, tune.frameMax(), 0));
            raw.open();
            return raw;
        } catch (IOException | RuntimeException | Error e) {
            raw.close();
            throw e;
        }
    }
}
