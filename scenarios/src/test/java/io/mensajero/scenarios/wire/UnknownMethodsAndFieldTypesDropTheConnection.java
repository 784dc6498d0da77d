package io.mensajero.scenarios.wire;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A method with an unknown class or method id, or a field table with a value type octet that does
 * not exist, is not answered with connection.close: RabbitMQ 3.10's reader process crashes on it
 * (lookup_method_name / parse_table have no clause for it) and the TCP connection is simply dropped,
 * at once.
 */
class UnknownMethodsAndFieldTypesDropTheConnection {

    @EachBroker
    void unknownClassId(BrokerUnderTest broker) throws IOException {
        assertDropped(broker, RawFrames.methodFrame(1, 99, 10, new byte[0]));
    }

    @EachBroker
    void unknownMethodId(BrokerUnderTest broker) throws IOException {
        assertDropped(broker, RawFrames.methodFrame(1, 60, 99, new byte[0]));
    }

    @EachBroker
    void unknownConnectionMethodOnChannelZero(BrokerUnderTest broker) throws IOException {
        assertDropped(broker, RawFrames.methodFrame(0, 10, 99, new byte[0]));
    }

    @EachBroker
    void fieldTableWithAnUnknownValueType(BrokerUnderTest broker) throws IOException {
        // queue.declare "abc", arguments {"k": 'Z' 0}: there is no type 'Z'.
        ByteBuf args = Unpooled.buffer().writeShort(0).writeByte(3).writeBytes("abc".getBytes(StandardCharsets.US_ASCII))
                .writeByte(0).writeInt(4).writeByte(1).writeByte('k').writeByte('Z').writeByte(0);
        assertDropped(broker, RawFrames.methodFrame(1, 50, 10, RawFrames.bytesOf(args)));
    }

    private static void assertDropped(BrokerUnderTest broker, byte[] frame) throws IOException {
        try (RawConnection raw = RawConnection.opened(broker, 1)) {
            raw.sendBytes(frame);
            raw.expectClosedSilently(RawConnection.TIMEOUT);
        }
    }
}
