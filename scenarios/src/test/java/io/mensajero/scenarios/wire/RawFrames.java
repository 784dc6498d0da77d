package io.mensajero.scenarios.wire;

import io.mensajero.protocol.AmqpConstants;
import io.mensajero.protocol.Frame;
import io.mensajero.protocol.Frames;
import io.mensajero.protocol.Method;
import io.mensajero.protocol.MethodCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Raw frame octets for {@link RawConnection}: well-formed ones built with the protocol module, and any others. */
final class RawFrames {
    private RawFrames() {
    }

    /** A frame with any type, channel, payload and frame-end octet. */
    static byte[] frame(int type, int channel, byte[] payload, int frameEnd) {
        ByteBuf buf = Unpooled.buffer(payload.length + AmqpConstants.FRAME_OVERHEAD);
        buf.writeByte(type).writeShort(channel).writeInt(payload.length).writeBytes(payload).writeByte(frameEnd);
        return bytesOf(buf);
    }

    static byte[] frame(int type, int channel, byte[] payload) {
        return frame(type, channel, payload, AmqpConstants.FRAME_END);
    }

    /** The payload of a method frame: class id, method id, arguments. */
    static byte[] methodPayload(Method method) {
        ByteBuf buf = Unpooled.buffer();
        MethodCodec.encode(method, buf);
        return bytesOf(buf);
    }

    /** A method frame holding class id, method id and then any argument octets. */
    static byte[] methodFrame(int channel, int classId, int methodId, byte[] arguments) {
        ByteBuf payload = Unpooled.buffer().writeShort(classId).writeShort(methodId).writeBytes(arguments);
        return frame(AmqpConstants.FRAME_METHOD, channel, bytesOf(payload));
    }

    /** A content header frame: class id, weight, body size and no properties (flags 0). */
    static byte[] headerFrame(int channel, int classId, int weight, long bodySize) {
        ByteBuf payload = Unpooled.buffer().writeShort(classId).writeShort(weight).writeLong(bodySize).writeShort(0);
        return frame(AmqpConstants.FRAME_HEADER, channel, bytesOf(payload));
    }

    static byte[] headerFrame(int channel, int classId, long bodySize) {
        return headerFrame(channel, classId, 0, bodySize);
    }

    static byte[] bodyFrame(int channel, byte[] body) {
        return frame(AmqpConstants.FRAME_BODY, channel, body);
    }

    static byte[] bytesOf(ByteBuf buf) {
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        buf.release();
        return bytes;
    }

    static byte[] frameOf(int channel, Method method) {
        ByteBuf buf = Unpooled.buffer();
        Frames.writeMethod(buf, channel, method);
        return bytesOf(buf);
    }

    /** The frames in bytes, for failure messages. */
    static String describe(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        StringBuilder text = new StringBuilder();
        try {
            for (Frame f; (f = Frames.decode(buf, 0)) != null; ) {
                text.append(f).append("; ");
            }
        } catch (RuntimeException e) {
            text.append("undecodable: ").append(e.getMessage()).append("; ");
        }
        if (buf.isReadable()) {
            text.append(buf.readableBytes()).append(" more octets");
        }
        return text.toString();
    }
}
