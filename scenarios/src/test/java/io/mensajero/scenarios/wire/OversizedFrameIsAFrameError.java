package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Basic;
import io.mensajero.protocol.BodyFrame;
import io.mensajero.protocol.Connection;
import io.mensajero.protocol.HeaderFrame;
import io.mensajero.protocol.Queue;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A frame whose payload is larger than the negotiated frame-max closes the connection with 501
 * FRAME_ERROR, decided from the frame header alone: "type 3, all octets = &lt;&lt;&gt;&gt;:
 * {frame_too_large,Size,FrameMax-8}". Like RabbitMQ (its FRAME_SIZE_FUDGE), a payload of exactly
 * frame-max octets - 8 more than the spec allows - still goes through.
 */
class OversizedFrameIsAFrameError {

    @EachBroker
    void largerThanTheServersFrameMax(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            long frameMax = raw.tune().frameMax();
            raw.sendQuietly(RawFrames.bodyFrame(1, new byte[(int) frameMax + 1]));
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(501,
                    "FRAME_ERROR - type 3, all octets = <<>>: {frame_too_large," + (frameMax + 1) + "," + (frameMax - 8) + "}",
                    0, 0));
        }
    }

    @EachBroker
    void largerThanTheNegotiatedFrameMax(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = smallFrames(broker)) {
            raw.send(1, new Basic.Publish("", "nowhere", false, false));
            raw.sendBytes(RawFrames.headerFrame(1, 60, 4097));
            raw.sendQuietly(RawFrames.bodyFrame(1, new byte[4097]));
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(new Connection.Close(501,
                    "FRAME_ERROR - type 3, all octets = <<>>: {frame_too_large,4097,4088}",
                    0, 0));
        }
    }

    @EachBroker
    void payloadOfExactlyFrameMaxGoesThrough(BrokerUnderTest broker) throws IOException {
        String queue = Names.unique("frame-max");
        try (RawConnection raw = smallFrames(broker)) {
            raw.send(1, new Queue.Declare(queue, false, false, true, false, false, Map.of()));
            raw.expectMethod(1, Queue.DeclareOk.class);
            byte[] body = new byte[4096];
            Arrays.fill(body, (byte) 'x');
            raw.send(1, new Basic.Publish("", queue, false, false));
            raw.sendBytes(RawFrames.headerFrame(1, 60, body.length));
            raw.sendBytes(RawFrames.bodyFrame(1, body));
            raw.send(1, new Basic.Get(queue, true));
            raw.expectMethod(1, Basic.GetOk.class);
            HeaderFrame header = (HeaderFrame) raw.readFrame();
            assertThat(header.bodySize()).isEqualTo(4096);
            int received = 0;
            while (received < 4096) {
                BodyFrame frame = (BodyFrame) raw.readFrame();
                assertThat(frame.payload().length).as("body frame within frame-max - 8").isLessThanOrEqualTo(4088);
                received += frame.payload().length;
            }
            assertThat(received).isEqualTo(4096);
        }
    }

    /** Handshake with frame-max 4096 and channel 1 open. */
    private static RawConnection smallFrames(BrokerUnderTest broker) throws IOException {
        RawConnection raw = RawConnection.to(broker);
        raw.sendProtocolHeader();
        Connection.Tune tune = raw.startOk();
        raw.tuneOk(new RawConnection.Tuning(tune.channelMax(), 4096, 0));
        raw.open();
        raw.openChannel(1);
        return raw;
    }
}
