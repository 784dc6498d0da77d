package io.mensajero.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/** Writes method arguments; consecutive bits are packed into one octet, low bit first. */
final class MethodWriter {
    private final ByteBuf out;
    private int bitIndex;
    private int bitCount;

    MethodWriter(ByteBuf out) {
        this.out = out;
    }

    void octet(int value) {
        bitCount = 0;
        out.writeByte(checkRange(value, 0xFF, "octet"));
    }

    void shortInt(int value) {
        bitCount = 0;
        out.writeShort(checkRange(value, 0xFFFF, "short"));
    }

    void longInt(long value) {
        bitCount = 0;
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("long (uint32) out of range: " + value);
        }
        out.writeInt((int) value);
    }

    void longLong(long value) {
        bitCount = 0;
        out.writeLong(value);
    }

    void bit(boolean value) {
        if (bitCount == 0 || bitCount == 8) {
            bitIndex = out.writerIndex();
            out.writeByte(0);
            bitCount = 0;
        }
        if (value) {
            out.setByte(bitIndex, out.getByte(bitIndex) | 1 << bitCount);
        }
        bitCount++;
    }

    void shortStr(String value) {
        bitCount = 0;
        writeShortStr(out, value);
    }

    void longStr(String value) {
        bitCount = 0;
        writeLongStr(out, value);
    }

    void longStr(byte[] value) {
        bitCount = 0;
        byte[] bytes = value == null ? new byte[0] : value;
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
    }

    void table(Map<String, ?> table) {
        bitCount = 0;
        FieldTable.write(table, out);
    }

    /** A shortstr: length octet and UTF-8 (see {@link Utf8}); null is written as "". */
    static void writeShortStr(ByteBuf out, String value) {
        int start = out.writerIndex();
        out.writeByte(0);
        int length = value == null ? 0 : Utf8.write(out, value);
        if (length > 255) {
            out.writerIndex(start);
            throw new IllegalArgumentException(
                    "shortstr longer than 255 octets (" + length + " octets of UTF-8)");
        }
        out.setByte(start, length);
    }

    /** A longstr: 4-octet length and UTF-8; null is written as "". */
    static void writeLongStr(ByteBuf out, String value) {
        int start = out.writerIndex();
        out.writeInt(0);
        int length = value == null ? 0 : Utf8.write(out, value);
        out.setInt(start, length);
    }

    private static int checkRange(int value, int max, String domain) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(domain + " out of range: " + value);
        }
        return value;
    }
}
