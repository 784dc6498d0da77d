package io.mensajero.broker.internal.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The layout of a segment file. A segment starts with an 8-byte header (magic and version);
 * then records, each {@code [int length][int crc32c][payload]} where the payload is
 * {@code [flags][long offset, long timestamp: a stream's records][shortstr exchange][shortstr
 * routing key][long expiry, if flagged][int props length][props][body]}. The CRC covers the
 * payload, so a torn or garbled record is found and the segment is cut there.
 */
final class Records {
    static final int HEADER_SIZE = 8;
    static final long MAGIC = 0x4D4E534A53454701L; // "MNSJSEG" + version 1
    static final int RECORD_OVERHEAD = 8;
    static final byte PERSISTENT = 1;
    static final byte EXPIRES = 2;
    /** A stream's record: its offset in the stream and its timestamp (epoch ms) follow the flags. */
    static final byte STREAM = 4;
    static final int STREAM_FIELDS = 16;

    private Records() {
    }

    /** Bytes a record takes in its segment, header included; the loop and the writer agree on it. */
    static int size(Storable m, boolean expires) {
        return RECORD_OVERHEAD + payloadSize(m, expires);
    }

    static int payloadSize(Storable m, boolean expires) {
        return 1 + 1 + utf8Length(m.exchange()) + 1 + utf8Length(m.routingKey()) + (expires ? 8 : 0)
                + 4 + m.rawProperties().length + m.body().length;
    }

    /**
     * Writes a record's header and its payload except the body at the buffer's position; the
     * CRC in the header already covers the body.
     */
    static void writeHead(ByteBuffer out, Storable m, boolean persistent, long expiresAt) {
        writeHead(out, m, persistent, expiresAt, -1, 0);
    }

    /** Bytes a stream's record takes in its segment, header included. */
    static int streamSize(Storable m) {
        return size(m, false) + STREAM_FIELDS;
    }

    /** {@link #writeHead}, for a stream's record when {@code streamOffset >= 0}. */
    static void writeHead(ByteBuffer out, Storable m, boolean persistent, long expiresAt, long streamOffset,
                          long timestamp) {
        int start = out.position();
        boolean stream = streamOffset >= 0;
        out.putInt(payloadSize(m, expiresAt != 0) + (stream ? STREAM_FIELDS : 0));
        out.putInt(0);
        out.put((byte) ((persistent ? PERSISTENT : 0) | (expiresAt != 0 ? EXPIRES : 0) | (stream ? STREAM : 0)));
        if (stream) {
            out.putLong(streamOffset);
            out.putLong(timestamp);
        }
        shortStr(out, m.exchange());
        shortStr(out, m.routingKey());
        if (expiresAt != 0) {
            out.putLong(expiresAt);
        }
        out.putInt(m.rawProperties().length);
        out.put(m.rawProperties());
        CRC32C crc = new CRC32C();
        crc.update(out.duplicate().position(start + RECORD_OVERHEAD).limit(out.position()));
        crc.update(m.body());
        out.putInt(start + 4, (int) crc.getValue());
    }

    /** Parses a payload (whose CRC was checked) into a stored message. */
    static StoredMessage parse(ByteBuffer payload, long location, boolean redelivered) {
        byte flags = payload.get();
        if ((flags & STREAM) != 0) {
            payload.position(payload.position() + STREAM_FIELDS);
        }
        String exchange = shortStr(payload);
        String routingKey = shortStr(payload);
        long expiresAt = (flags & EXPIRES) != 0 ? payload.getLong() : 0;
        byte[] props = new byte[payload.getInt()];
        payload.get(props);
        byte[] body = new byte[payload.remaining()];
        payload.get(body);
        return new StoredMessage(exchange, routingKey, props, body, location, (flags & PERSISTENT) != 0,
                expiresAt, redelivered);
    }

    /** A stream record's offset (the payload positioned at its flags), or -1 for another record. */
    static long streamOffset(ByteBuffer payload) {
        int at = payload.position();
        return (payload.get(at) & STREAM) != 0 ? payload.getLong(at + 1) : -1;
    }

    /** A stream record's timestamp, epoch milliseconds. */
    static long streamTimestamp(ByteBuffer payload) {
        return payload.getLong(payload.position() + 9);
    }

    static boolean persistent(ByteBuffer payload) {
        return (payload.get(payload.position()) & PERSISTENT) != 0;
    }

    static boolean crcMatches(ByteBuffer payload, int expected) {
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        return (int) crc.getValue() == expected;
    }

    static long location(int segment, int offset) {
        return ((long) segment << 32) | (offset & 0xFFFFFFFFL);
    }

    static int segmentOf(long location) {
        return (int) (location >>> 32);
    }

    static int offsetOf(long location) {
        return (int) location;
    }

    private static void shortStr(ByteBuffer out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.put((byte) b.length);
        out.put(b);
    }

    private static String shortStr(ByteBuffer in) {
        byte[] b = new byte[in.get() & 0xFF];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }
}
