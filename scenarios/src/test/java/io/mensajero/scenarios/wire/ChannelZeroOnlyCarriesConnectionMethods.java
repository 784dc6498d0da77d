package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Basic;
import io.mensajero.protocol.Channel;
import io.mensajero.protocol.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once the connection is open, channel 0 takes only connection.close / close-ok and heartbeats.
 * RabbitMQ answers any other method there with 504 CHANNEL_ERROR "unexpected method in connection
 * state running" and a content frame with 505 UNEXPECTED_FRAME; a connection method sent on another
 * channel is 503 COMMAND_INVALID "unimplemented method".
 */
class ChannelZeroOnlyCarriesConnectionMethods {
    private static final String RUNNING = "CHANNEL_ERROR - unexpected method in connection state running";

    @EachBroker
    void channelOpenOnChannelZero(BrokerUnderTest broker) throws IOException {
        assertClosedWith(broker, RawFrames.frameOf(0, new Channel.Open()), new Connection.Close(504, RUNNING, 20, 10));
    }

    @EachBroker
    void basicMethodOnChannelZero(BrokerUnderTest broker) throws IOException {
        assertClosedWith(broker, RawFrames.frameOf(0, new Basic.Qos(0, 1, false)), new Connection.Close(504, RUNNING, 60, 10));
    }

    @EachBroker
    void connectionOpenAgain(BrokerUnderTest broker) throws IOException {
        assertClosedWith(broker, RawFrames.frameOf(0, new Connection.Open("/")), new Connection.Close(504, RUNNING, 10, 40));
    }

    @EachBroker
    void bodyFrameOnChannelZero(BrokerUnderTest broker) throws IOException {
        assertClosedWith(broker, RawFrames.bodyFrame(0, new byte[] {1}),
                new Connection.Close(505, "UNEXPECTED_FRAME - type 3, all octets = <<1>>", 0, 0));
    }

    @EachBroker
    void connectionMethodOnAChannel(BrokerUnderTest broker) throws IOException {
        assertClosedWith(broker, RawFrames.frameOf(1, new Connection.TuneOk(10, 4096, 0)),
                new Connection.Close(503, "COMMAND_INVALID - unimplemented method", 10, 31));
    }

    private static void assertClosedWith(BrokerUnderTest broker, byte[] frame, Connection.Close expected) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.sendBytes(frame);
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(expected);
        }
    }
}
