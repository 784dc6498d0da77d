package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Basic;
import io.mensajero.protocol.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A content-bearing method (basic.publish) must be followed on its channel by exactly one content
 * header of its class and then the body frames. Anything else closes the connection with 505
 * UNEXPECTED_FRAME, in the words of RabbitMQ's rabbit_command_assembler; once the method has been
 * seen the close names it (60/40).
 */
class ContentFramesMustFollowTheirMethod {
    private static final Basic.Publish PUBLISH = new Basic.Publish("", "nowhere", false, false);
    private static final Basic.Qos QOS = new Basic.Qos(0, 1, false);

    @EachBroker
    void headerWithoutAMethod(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.sendBytes(RawFrames.headerFrame(1, 60, 3));
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(505,
                    "UNEXPECTED_FRAME - expected method frame, got non method frame instead", 0, 0));
        }
    }

    @EachBroker
    void bodyWithoutAMethod(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.sendBytes(RawFrames.bodyFrame(1, new byte[] {1, 2, 3}));
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(505,
                    "UNEXPECTED_FRAME - expected method frame, got non method frame instead", 0, 0));
        }
    }

    @EachBroker
    void bodyWithoutAHeader(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.send(1, PUBLISH);
            raw.sendBytes(RawFrames.bodyFrame(1, new byte[] {1}));
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(505,
                    "UNEXPECTED_FRAME - expected content header for class 60, got non content header frame instead", 60, 40));
        }
    }

    @EachBroker
    void methodInsteadOfTheHeader(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.send(1, PUBLISH);
            raw.send(1, QOS);
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(505,
                    "UNEXPECTED_FRAME - expected content header for class 60, got non content header frame instead", 60, 40));
        }
    }

    @EachBroker
    void methodInsteadOfTheBody(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.send(1, PUBLISH);
            raw.sendBytes(RawFrames.headerFrame(1, 60, 3));
            raw.send(1, QOS);
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(505,
                    "UNEXPECTED_FRAME - expected content body, got non content body frame instead", 60, 40));
        }
    }

    @EachBroker
    void headerForAnotherClass(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.send(1, PUBLISH);
            raw.sendBytes(RawFrames.headerFrame(1, 50, 3));
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(505,
                    "UNEXPECTED_FRAME - expected content header for class 60, got one for class 50 instead", 60, 40));
        }
    }

    @EachBroker
    void headerWithANonZeroWeight(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.send(1, PUBLISH);
            raw.sendBytes(RawFrames.headerFrame(1, 60, 1, 3));
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(505,
                    "UNEXPECTED_FRAME - expected content header for class 60, got non content header frame instead", 60, 40));
        }
    }

    /** RabbitMQ does not check a body frame against the size left: it is caught by the next frame. */
    @EachBroker
    void bodyLongerThanAnnouncedIsCaughtByTheNextMethod(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.send(1, PUBLISH);
            raw.sendBytes(RawFrames.headerFrame(1, 60, 3));
            raw.sendBytes(RawFrames.bodyFrame(1, new byte[5]));
            raw.send(1, QOS);
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(505,
                    "UNEXPECTED_FRAME - expected content body, got non content body frame instead", 60, 40));
        }
    }
}
