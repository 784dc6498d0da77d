package io.mensajero.cli.bench.model;

/**
 * The body {@code mensajero bench} sends, laid out as PerfTest lays out its own so either tool can
 * read the other's messages: a big-endian 4-byte sequence number, then the 8-byte
 * {@link System#nanoTime()} of the send (one clock for every process on a Linux machine), then
 * zeros up to the message size.
 */
public final class MessageLayout {
    public static final int HEADER_BYTES = 12;

    private MessageLayout() {
    }

    /** Writes the sequence number and the send time at the start of {@code body}. */
    public static void stamp(byte[] body, int sequence, long nanoTime) {
        body[0] = (byte) (sequence >>> 24);
        body[1] = (byte) (sequence >>> 16);
        body[2] = (byte) (sequence >>> 8);
        body[3] = (byte) sequence;
        for (int i = 0; i < 8; i++) {
            body[4 + i] = (byte) (nanoTime >>> (56 - 8 * i));
        }
    }

    /** The send time in a stamped body, or {@link Long#MIN_VALUE} when the body is too short to hold one. */
    public static long sendTime(byte[] body) {
        if (body == null || body.length < HEADER_BYTES) {
            return Long.MIN_VALUE;
        }
        long t = 0;
        for (int i = 4; i < HEADER_BYTES; i++) {
            t = (t << 8) | (body[i] & 0xFF);
        }
        return t;
    }

    /** The sequence number in a stamped body. */
    public static int sequence(byte[] body) {
        return ((body[0] & 0xFF) << 24) | ((body[1] & 0xFF) << 16) | ((body[2] & 0xFF) << 8) | (body[3] & 0xFF);
    }
}
