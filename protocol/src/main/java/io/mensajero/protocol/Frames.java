package io.mensajero.protocol;

import static io.mensajero.protocol.AmqpConstants.FRAME_BODY;
import static io.mensajero.protocol.AmqpConstants.FRAME_END;
import static io.mensajero.protocol.AmqpConstants.FRAME_HEADER;
import static io.mensajero.protocol.AmqpConstants.FRAME_HEADER_SIZE;
import static io.mensajero.protocol.AmqpConstants.FRAME_HEARTBEAT;
import static io.mensajero.protocol.AmqpConstants.FRAME_METHOD;
import static io.mensajero.protocol.AmqpConstants.FRAME_OVERHEAD;

import io.netty.buffer.ByteBuf;

/**
 * Reads and writes whole frames: type, channel, payload size, payload, frame-end.
 *
 * <p>Frame errors follow RabbitMQ 3.10's rabbit_reader.erl (frame_error/5, fatal_frame_error/5) and
 * rabbit_command_assembler:analyze_frame/2, whose reply texts this class reproduces:
 * <ul>
 *   <li>payload larger than the frame max: FRAME_ERROR "type 3, all octets = &lt;&lt;&gt;&gt;:
 *   {frame_too_large,5000,4088}", decided from the 7 header octets alone. Like RabbitMQ
 *   (FRAME_SIZE_FUDGE) a payload of up to frame-max octets is let through, 8 more than the spec's
 *   limit, because many clients get it wrong.
 *   <li>frame-end octet not 0xCE: FRAME_ERROR "type 1, all octets = &lt;&lt;...&gt;&gt;:
 *   {invalid_frame_end_marker,0}".
 *   <li>unknown frame type, a method payload under 4 octets, a header payload under 12 octets, a
 *   heartbeat with a payload: FRAME_ERROR "type 5, all octets = &lt;&lt;"abc"&gt;&gt;: unknown_frame".
 * </ul>
 * Method payloads then fail as {@link MethodCodec#decode} describes.
 */
public final class Frames {
    private Frames() {
    }

    /**
     * Decodes one frame from in if a whole one is there, else returns null and leaves in untouched.
     * maxFrameSize is the negotiated frame-max (0 = no limit); see the class comment for the exact
     * bound. Throws {@link ProtocolException} for a bad frame or method.
     */
    public static Frame decode(ByteBuf in, long maxFrameSize) {
        if (in.readableBytes() < FRAME_HEADER_SIZE) {
            return null;
        }
        int start = in.readerIndex();
        int type = in.getUnsignedByte(start);
        int channel = in.getUnsignedShort(start + 1);
        long size = in.getUnsignedInt(start + 3);
        if (maxFrameSize != 0 && size > maxFrameSize) {
            throw new ProtocolException(ReplyCode.FRAME_ERROR, frameErrorText(type, in, start, 0,
                    "{frame_too_large," + size + "," + (maxFrameSize - FRAME_OVERHEAD) + "}")).asFatal();
        }
        if (in.readableBytes() < size + FRAME_OVERHEAD) {
            return null;
        }
        int from = start + FRAME_HEADER_SIZE;
        int length = (int) size;
        int endMarker = in.getUnsignedByte(from + length);
        in.readerIndex(from + length + 1);
        if (endMarker != FRAME_END) {
            throw new ProtocolException(ReplyCode.FRAME_ERROR, frameErrorText(type, in, from, length,
                    new String[] {"invalid_frame_end_marker", String.valueOf(endMarker)})).asFatal();
        }
        switch (type) {
            case FRAME_METHOD:
                if (length >= 4) {
                    return new MethodFrame(channel, MethodCodec.decode(in.slice(from, length)));
                }
                break;
            case FRAME_HEADER:
                if (length >= 12) {
                    return header(in, channel, from, length);
                }
                break;
            case FRAME_BODY: {
                byte[] payload = new byte[length];
                in.getBytes(from, payload);
                return new BodyFrame(channel, payload);
            }
            case FRAME_HEARTBEAT:
                if (length == 0) {
                    return new HeartbeatFrame(channel);
                }
                break;
            default:
                break;
        }
        throw new ProtocolException(ReplyCode.FRAME_ERROR,
                frameErrorText(type, in, from, length, "unknown_frame"));
    }

    /** Writes a method frame. */
    public static void writeMethod(ByteBuf out, int channel, Method method) {
        checkChannel(channel);
        int start = out.writerIndex();
        out.writeByte(FRAME_METHOD).writeShort(channel).writeInt(0);
        try {
            MethodCodec.encode(method, out);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
        out.setInt(start + 3, out.writerIndex() - start - FRAME_HEADER_SIZE);
        out.writeByte(FRAME_END);
    }

    /** Writes a heartbeat frame on channel 0. */
    public static void writeHeartbeat(ByteBuf out) {
        out.writeByte(FRAME_HEARTBEAT).writeShort(0).writeInt(0).writeByte(FRAME_END);
    }

    /** Writes a content header frame: class id, weight 0, body size, raw properties. */
    public static void writeHeader(ByteBuf out, int channel, int classId, long bodySize,
            byte[] rawProperties) {
        checkChannel(channel);
        out.writeByte(FRAME_HEADER).writeShort(channel)
                .writeInt(12 + rawProperties.length)
                .writeShort(classId).writeShort(0).writeLong(bodySize)
                .writeBytes(rawProperties).writeByte(FRAME_END);
    }

    /** Writes one body frame holding body[offset, offset + length). */
    public static void writeBody(ByteBuf out, int channel, byte[] body, int offset, int length) {
        checkChannel(channel);
        out.writeByte(FRAME_BODY).writeShort(channel).writeInt(length)
                .writeBytes(body, offset, length).writeByte(FRAME_END);
    }

    /** Writes any frame. */
    public static void write(ByteBuf out, Frame frame) {
        if (frame instanceof MethodFrame m) {
            writeMethod(out, m.channel(), m.method());
        } else if (frame instanceof HeaderFrame h) {
            checkChannel(h.channel());
            out.writeByte(FRAME_HEADER).writeShort(h.channel())
                    .writeInt(12 + h.rawProperties().length)
                    .writeShort(h.classId()).writeShort(h.weight()).writeLong(h.bodySize())
                    .writeBytes(h.rawProperties()).writeByte(FRAME_END);
        } else if (frame instanceof BodyFrame b) {
            writeBody(out, b.channel(), b.payload(), 0, b.payload().length);
        } else {
            checkChannel(frame.channel());
            out.writeByte(FRAME_HEARTBEAT).writeShort(frame.channel()).writeInt(0).writeByte(FRAME_END);
        }
    }

    /**
     * Method frame + header frame + body frames, the body split so that no frame exceeds frameMax
     * (0 = unlimited: one body frame). An empty body has no body frame. Used for basic.deliver,
     * get-ok, return and publish.
     */
    public static void writeContent(ByteBuf out, int channel, Method method, int classId,
            byte[] rawProperties, byte[] body, long frameMax) {
        writeContent(out, channel, method, classId, rawProperties, body, 0, body.length, frameMax);
    }

    /** As {@link #writeContent(ByteBuf, int, Method, int, byte[], byte[], long)}, for part of body. */
    public static void writeContent(ByteBuf out, int channel, Method method, int classId,
            byte[] rawProperties, byte[] body, int bodyOffset, int bodyLength, long frameMax) {
        if (frameMax != 0 && frameMax <= FRAME_OVERHEAD) {
            throw new IllegalArgumentException("frame max " + frameMax + " leaves no room for a body");
        }
        if (bodyOffset < 0 || bodyLength < 0 || bodyOffset + bodyLength > body.length) {
            throw new IndexOutOfBoundsException("body range " + bodyOffset + "+" + bodyLength);
        }
        int start = out.writerIndex();
        writeMethod(out, channel, method);
        try {
            writeHeader(out, channel, classId, bodyLength, rawProperties);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
        long chunk = frameMax == 0 ? Math.max(bodyLength, 1) : frameMax - FRAME_OVERHEAD;
        for (int done = 0; done < bodyLength; ) {
            int n = (int) Math.min(chunk, bodyLength - done);
            writeBody(out, channel, body, bodyOffset + done, n);
            done += n;
        }
    }

    /** "type T, all octets = <<...>>: error", as rabbit_reader:frame_error/5 words it. */
    static String frameErrorText(int type, ByteBuf buf, int from, int length, String error) {
        return describe(type, buf, from, length) + ": " + error;
    }

    /**
     * The same for an error that is a tuple, laid out as Erlang's ~p lays it out: on one line when
     * it fits within 80 columns, else broken after the first element with the rest aligned under it.
     */
    static String frameErrorText(int type, ByteBuf buf, int from, int length, String[] tuple) {
        String prefix = describe(type, buf, from, length) + ": ";
        String flat = "{" + String.join(",", tuple) + "}";
        if (prefix.length() + flat.length() < 79) {
            return prefix + flat;
        }
        String indent = " ".repeat(prefix.length() + 1);
        StringBuilder sb = new StringBuilder(prefix).append('{').append(tuple[0]);
        for (int i = 1; i < tuple.length; i++) {
            sb.append(",\n").append(indent).append(tuple[i]);
        }
        return sb.append('}').toString();
    }

    private static String describe(int type, ByteBuf buf, int from, int length) {
        String octets = length <= 16 ? "all" : "first 16";
        return "type " + type + ", " + octets + " octets = " + ErlangTerms.binaryP(buf, from, Math.min(length, 16));
    }

    /**
     * "type T, all octets = <<...>>" for a frame that arrived where it should not, as RabbitMQ's
     * unexpected-frame errors show it (the payload re-encoded, at most its first 16 octets).
     */
    public static String describe(Frame frame) {
        ByteBuf buf = io.netty.buffer.Unpooled.buffer();
        try {
            write(buf, frame);
            int type = buf.getUnsignedByte(0);
            int length = (int) buf.getUnsignedInt(3);
            return describe(type, buf, FRAME_HEADER_SIZE, length);
        } finally {
            buf.release();
        }
    }

    private static HeaderFrame header(ByteBuf in, int channel, int from, int length) {
        int classId = in.getUnsignedShort(from);
        int weight = in.getUnsignedShort(from + 2);
        long bodySize = in.getLong(from + 4);
        byte[] raw = new byte[length - 12];
        in.getBytes(from + 12, raw);
        return new HeaderFrame(channel, classId, weight, bodySize, raw);
    }

    private static int checkChannel(int channel) {
        if (channel < 0 || channel > 0xFFFF) {
            throw new IllegalArgumentException("channel out of range: " + channel);
        }
        return channel;
    }
}
