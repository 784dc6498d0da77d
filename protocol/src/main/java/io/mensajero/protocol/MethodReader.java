package io.mensajero.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * Reads method arguments: integers, strings, tables and packed bits. A short read throws
 * IndexOutOfBoundsException, which {@link MethodCodec} turns into RabbitMQ's "cannot decode" error.
 *
 * <p>Like RabbitMQ's generated decoder (rabbit_framing_amqp_0_9_1.erl), the shape of the whole
 * argument list is checked first; malformed UTF-8 in a shortstr (checked only for methods without
 * content) and bad field tables are only reported after that, in that order.
 */
final class MethodReader {
    private final ByteBuf in;
    private final boolean strictUtf8;
    private int bits;
    private int bitPos = 8;
    private boolean malformedUtf8;
    private ProtocolException tableError;

    MethodReader(ByteBuf in, boolean strictUtf8) {
        this.in = in;
        this.strictUtf8 = strictUtf8;
    }

    int octet() {
        bitPos = 8;
        return in.readUnsignedByte();
    }

    int shortInt() {
        bitPos = 8;
        return in.readUnsignedShort();
    }

    long longInt() {
        bitPos = 8;
        return in.readUnsignedInt();
    }

    long longLong() {
        bitPos = 8;
        return in.readLong();
    }

    /** Consecutive bits share an octet, low bit first. */
    boolean bit() {
        if (bitPos == 8) {
            bits = in.readUnsignedByte();
            bitPos = 0;
        }
        return (bits >> bitPos++ & 1) != 0;
    }

    String shortStr() {
        bitPos = 8;
        int length = in.readUnsignedByte();
        ensure(length);
        if (strictUtf8 && !Utf8.isErlangValid(in, in.readerIndex(), length)) {
            malformedUtf8 = true;
        }
        String s = Utf8.decode(in, in.readerIndex(), length);
        in.skipBytes(length);
        return s;
    }

    String longStr() {
        bitPos = 8;
        long length = in.readUnsignedInt();
        ensure(length);
        String s = Utf8.decode(in, in.readerIndex(), (int) length);
        in.skipBytes((int) length);
        return s;
    }

    byte[] longStrBytes() {
        bitPos = 8;
        long length = in.readUnsignedInt();
        ensure(length);
        byte[] bytes = new byte[(int) length];
        in.readBytes(bytes);
        return bytes;
    }

    Map<String, Object> table() {
        bitPos = 8;
        long length = in.readUnsignedInt();
        ensure(length);
        ByteBuf table = in.readSlice((int) length);
        try {
            return FieldTable.parse(table);
        } catch (ProtocolException e) {
            if (tableError == null) {
                tableError = e;
            }
            return Map.of();
        }
    }

    /** Throws the deferred errors, once the caller has checked the argument list's shape. */
    void finish(int classId, int methodId) {
        if (malformedUtf8) {
            // rabbit_binary_parser:assert_utf8/1; RabbitMQ reports it without class and method ids.
            throw new ProtocolException(ReplyCode.FRAME_ERROR, "Malformed UTF-8 in shortstr");
        }
        if (tableError != null) {
            throw new ProtocolException(tableError.replyCode(), tableError.text(), classId, methodId,
                    true, null);
        }
    }

    private void ensure(long length) {
        if (length > in.readableBytes()) {
            throw new IndexOutOfBoundsException("argument longer than the method payload");
        }
    }
}
