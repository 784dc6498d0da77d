package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Basic;
import io.mensajero.protocol.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once tune-ok is accepted (RabbitMQ's connection state "opening") the next frame must be
 * connection.open. Unlike errors earlier in the handshake, these are answered with connection.close,
 * and the broker waits for close-ok: a frame on another channel is 505 UNEXPECTED_FRAME (the octets
 * printed, no explanation), another method on channel 0 is 504 CHANNEL_ERROR.
 */
class OnlyConnectionOpenFollowsTuneOk {

    @EachBroker
    void methodOnAChannel(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = tuned(broker)) {
            raw.send(1, new Basic.Qos(0, 1, false));
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(505,
                    "UNEXPECTED_FRAME - type 1, all octets = <<0,60,0,10,0,0,0,0,0,1,0>>", 0, 0));
        }
    }

    @EachBroker
    void otherMethodOnChannelZero(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = tuned(broker)) {
            raw.send(0, new Basic.Qos(0, 1, false));
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(504,
                    "CHANNEL_ERROR - unexpected method in connection state opening", 60, 10));
        }
    }

    private static RawConnection tuned(BrokerUnderTest broker) throws IOException {
        RawConnection raw = RawConnection.to(broker);
        try {
            raw.sendProtocolHeader();
            raw.tuneOk(RawConnection.Tuning.accept(raw.startOk()));
            return raw;
        } catch (IOException | RuntimeException | Error e) {
            raw.close();
            throw e;
        }
    }
}
