package io.mensajero.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A field-table long string ('S'): any octets, usually UTF-8 text. Field tables decode 'S' values
 * to LongString (not String) so that the octets survive unchanged; {@link #toString()} decodes
 * them as UTF-8. Equality is by content.
 */
public final class LongString {
    private final byte[] bytes;

    private LongString(byte[] bytes) {
        this.bytes = bytes;
    }

    public static LongString of(String s) {
        return new LongString(s.getBytes(StandardCharsets.UTF_8));
    }

    public static LongString of(byte[] bytes) {
        return new LongString(bytes.clone());
    }

    static LongString wrap(byte[] bytes) {
        return new LongString(bytes);
    }

    /** A copy of the octets. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The number of octets. */
    public int length() {
        return bytes.length;
    }

    byte[] array() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongString other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The octets decoded as UTF-8 (malformed sequences become U+FFFD). */
    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
