package io.mensajero.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * UTF-8 for AMQP strings. RabbitMQ treats shortstrs as octets, so a routing key or table key that
 * is not valid UTF-8 must come out exactly as it came in. Decoding therefore maps each octet of an
 * invalid sequence to an unpaired surrogate U+DC80..U+DCFF (as Python's "surrogateescape" does) and
 * encoding maps those back to the octet: any octets survive decode and encode.
 */
final class Utf8 {
    private Utf8() {
    }

    /** Decodes UTF-8, escaping invalid octets as U+DC80..U+DCFF. */
    static String decode(ByteBuf buf, int from, int length) {
        int end = from + length;
        int i = from;
        while (i < end && buf.getByte(i) >= 0) {
            i++;
        }
        if (i == end) {
            return buf.toString(from, length, java.nio.charset.StandardCharsets.US_ASCII);
        }
        StringBuilder sb = new StringBuilder(length);
        for (int k = from; k < i; k++) {
            sb.append((char) buf.getByte(k));
        }
        while (i < end) {
            int c = buf.getUnsignedByte(i);
            int n = sequenceLength(buf, i, end);
            if (n == 1 && c < 0x80) {
                sb.append((char) c);
            } else if (n > 1) {
                int cp = c & (0xFF >> (n + 1));
                for (int k = 1; k < n; k++) {
                    cp = cp << 6 | buf.getUnsignedByte(i + k) & 0x3F;
                }
                sb.appendCodePoint(cp);
            } else {
                sb.append((char) (0xDC00 | c));
            }
            i += Math.max(n, 1);
        }
        return sb.toString();
    }

    /** Writes s as UTF-8, unpaired U+DC80..U+DCFF as the octet they escape; returns the octets. */
    static int write(ByteBuf out, String s) {
        if (!hasSurrogate(s)) {
            return ByteBufUtil.writeUtf8(out, s);
        }
        int start = out.writerIndex();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                ByteBufUtil.writeUtf8(out, s.substring(i, i + 2));
                i++;
            } else if (c >= 0xDC80 && c <= 0xDCFF) {
                out.writeByte(c & 0xFF);
            } else {
                ByteBufUtil.writeUtf8(out, String.valueOf(c));
            }
        }
        return out.writerIndex() - start;
    }

    /**
     * UTF-8 as RabbitMQ's check (xmerl_ucs:from_utf8, called by rabbit_binary_parser:assert_utf8)
     * accepts it: sequences of one to four octets, no overlong forms; surrogates and code points up
     * to 0x1FFFFF pass.
     */
    static boolean isErlangValid(ByteBuf buf, int from, int length) {
        int end = from + length;
        int i = from;
        while (i < end) {
            int c = buf.getUnsignedByte(i);
            if (c < 0x80) {
                i++;
                continue;
            }
            int more = c >= 0xC0 && c < 0xE0 ? 1 : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xF0 && c < 0xF8 ? 3 : 0;
            if (more == 0 || i + more >= end) {
                return false;
            }
            int cp = c & (0x3F >> more);
            for (int k = 1; k <= more; k++) {
                int cc = buf.getUnsignedByte(i + k);
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = cp << 6 | cc & 0x3F;
            }
            if (cp < (more == 1 ? 0x80 : more == 2 ? 0x800 : 0x10000)) {
                return false;
            }
            i += more + 1;
        }
        return true;
    }

    /** Length of the well-formed UTF-8 sequence (as Java decodes it) at i, or 0 if there is none. */
    private static int sequenceLength(ByteBuf buf, int i, int end) {
        int c = buf.getUnsignedByte(i);
        if (c < 0x80) {
            return 1;
        }
        int n = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
        if (n == 0 || i + n > end) {
            return 0;
        }
        int cp = c & (0xFF >> (n + 1));
        for (int k = 1; k < n; k++) {
            int cc = buf.getUnsignedByte(i + k);
            if ((cc & 0xC0) != 0x80) {
                return 0;
            }
            cp = cp << 6 | cc & 0x3F;
        }
        boolean overlong = n == 3 && cp < 0x800 || n == 4 && cp < 0x10000;
        boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        return overlong || surrogate || cp > 0x10FFFF ? 0 : n;
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
