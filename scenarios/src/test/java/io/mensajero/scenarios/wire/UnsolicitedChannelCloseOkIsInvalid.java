package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Channel;
import io.mensajero.protocol.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * channel.close-ok on an open channel that nobody is closing is not a method the server takes:
 * RabbitMQ closes the connection with 503 COMMAND_INVALID "unimplemented method".
 */
class UnsolicitedChannelCloseOkIsInvalid {

    @EachBroker
    void closeOkOnAnOpenChannel(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.send(1, new Channel.CloseOk());
            assertThat(raw.expectConnectionCloseAndClosed())
                    .isEqualTo(new Connection.Close(503, "COMMAND_INVALID - unimplemented method", 20, 41));
        }
    }
}
