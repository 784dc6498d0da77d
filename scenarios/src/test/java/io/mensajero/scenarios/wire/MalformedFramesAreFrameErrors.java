package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Basic;
import io.mensajero.protocol.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames that cannot be read close the connection with 501 FRAME_ERROR, worded as RabbitMQ 3.10's
 * rabbit_reader words it (Erlang terms printed with ~p, line breaks included): a frame-end octet
 * other than 0xCE, an unknown frame type, method arguments cut short (also inside a field table), a
 * method payload too short to hold its class and method ids.
 */
class MalformedFramesAreFrameErrors {
    private static final byte[] QOS = RawFrames.methodPayload(new Basic.Qos(0, 10, false));

    @EachBroker
    void badFrameEnd(BrokerUnderTest broker) throws IOException {
        // ~p breaks the term at 80 columns and indents the rest under its opening brace.
        assertClosedWith(broker, RawFrames.frame(1, 1, QOS, 0), new Connection.Close(501,
                "FRAME_ERROR - type 1, all octets = <<0,60,0,10,0,0,0,0,0,10,0>>: {invalid_frame_end_marker,\n"
                        + " ".repeat(52) + "0}", 0, 0));
    }

    @EachBroker
    void unknownFrameType(BrokerUnderTest broker) throws IOException {
        assertClosedWith(broker, RawFrames.frame(9, 1, new byte[] {1, 2, 3}),
                new Connection.Close(501, "FRAME_ERROR - type 9, all octets = <<1,2,3>>: unknown_frame", 0, 0));
    }

    @EachBroker
    void methodArgumentsCutShort(BrokerUnderTest broker) throws IOException {
        assertClosedWith(broker, RawFrames.frame(1, 1, Arrays.copyOf(QOS, QOS.length - 2)),
                new Connection.Close(501, "FRAME_ERROR - cannot decode <<0,0,0,0,0>>", 60, 10));
    }

    @EachBroker
    void methodPayloadShorterThanItsIds(BrokerUnderTest broker) throws IOException {
        assertClosedWith(broker, RawFrames.frame(1, 1, new byte[] {0, 60}),
                new Connection.Close(501, "FRAME_ERROR - type 1, all octets = <<0,60>>: unknown_frame", 0, 0));
    }

    @EachBroker
    void fieldTableCutShort(BrokerUnderTest broker) throws IOException {
        // queue.declare "abc" whose arguments table says 10 octets but holds 4: "k" 'I' and one octet.
        ByteBuf args = Unpooled.buffer().writeShort(0).writeByte(3).writeBytes("abc".getBytes(StandardCharsets.US_ASCII))
                .writeByte(0).writeInt(10).writeByte(1).writeByte('k').writeByte('I').writeByte(0);
        assertClosedWith(broker, RawFrames.methodFrame(1, 50, 10, RawFrames.bytesOf(args)), new Connection.Close(501,
                "FRAME_ERROR - cannot decode <<0,0,3,97,98,99,0,0,0,0,10,1,107,73,0>>", 50, 10));
    }

    private static void assertClosedWith(BrokerUnderTest broker, byte[] frame, Connection.Close expected) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.sendBytes(frame);
            assertThat(raw.expectConnectionCloseAndClosed()).isEqualTo(expected);
        }
    }
}
