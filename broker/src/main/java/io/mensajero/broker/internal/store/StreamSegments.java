package io.mensajero.broker.internal.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream's segments as the loop keeps track of them: for each, its first offset, how many
 * records and bytes it holds and the timestamp of its last record. Records go to the newest
 * segment until it would grow past the segment size; then a new one starts (a roll), and that is
 * when retention is looked at, as RabbitMQ's streams do: whole segments are dropped from the head
 * while the stream is over its byte limit or their last record is older than its age limit; the
 * segment being written is never dropped. With a data directory each is a segment file; without
 * one they only count (the messages are in memory). A few tens of bytes per segment.
 *
 * <p>Confined to the broker's loop.
 */
public final class StreamSegments {
    /** One segment. */
    public static final class Segment {
        final int id;
        final long firstOffset;
        int count;
        long bytes = Records.HEADER_SIZE;
        long lastTimestamp;

        Segment(int id, long firstOffset) {
            this.id = id;
            this.firstOffset = firstOffset;
        }

        public int id() {
            return id;
        }

        public long firstOffset() {
            return firstOffset;
        }

        public long lastTimestamp() {
            return lastTimestamp;
        }
    }

    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private final long segmentSize;
    private long totalBytes;
    private long nextOffset;
    private boolean sealed;
    private boolean rolled;

    public StreamSegments(long segmentSize) {
        this.segmentSize = segmentSize;
    }

    /**
     * Counts a record of {@code size} bytes at {@code offset}; returns its segment, where it starts
     * at {@code bytes() - size}. Rolls to a new segment when the record would not fit.
     */
    public Segment add(long offset, long timestamp, int size) {
        Segment s = segments.peekLast();
        if (s == null || sealed || (s.count > 0 && s.bytes + size > segmentSize)) {
            s = new Segment(s == null ? 0 : s.id + 1, offset);
            rolled = !segments.isEmpty();
            sealed = false;
            segments.addLast(s);
            totalBytes += s.bytes;
        }
        s.count++;
        s.bytes += size;
        s.lastTimestamp = timestamp;
        totalBytes += size;
        nextOffset = offset + 1;
        return s;
    }

    /** Whether the last {@link #add} started a new segment (and the call clears it). */
    public boolean takeRolled() {
        boolean r = rolled;
        rolled = false;
        return r;
    }

    /** The next record starts a new segment (after recovery: the last file is left as it is). */
    void seal() {
        sealed = true;
    }

    /** A segment found at recovery. */
    void recovered(Segment s) {
        segments.addLast(s);
        totalBytes += s.bytes;
        nextOffset = s.firstOffset + s.count;
    }

    /**
     * Drops whole segments from the head (never the newest) while the stream is over
     * {@code maxBytes} or their last record is older than {@code maxAgeMillis}; returns their ids.
     */
    public List<Integer> retain(Long maxBytes, Long maxAgeMillis, long nowMillis) {
        List<Integer> dropped = new ArrayList<>();
        while (segments.size() > 1) {
            Segment head = segments.peekFirst();
            boolean tooBig = maxBytes != null && totalBytes > maxBytes;
            boolean tooOld = maxAgeMillis != null && head.lastTimestamp < nowMillis - maxAgeMillis;
            if (!tooBig && !tooOld) {
                break;
            }
            segments.removeFirst();
            totalBytes -= head.bytes;
            dropped.add(head.id);
        }
        return dropped;
    }

    /** The offset of the oldest record kept (the next one when there is none). */
    public long firstOffset() {
        Segment s = segments.peekFirst();
        return s == null ? nextOffset : s.firstOffset;
    }

    /** The offset the next record gets. */
    public long nextOffset() {
        return nextOffset;
    }

    /** Bytes of the segments kept, headers included. */
    public long bytes() {
        return totalBytes;
    }

    public int count() {
        return segments.size();
    }

    /** The segment holding {@code offset} (the first when it is older than every segment), or null when empty. */
    public Segment holding(long offset) {
        Segment found = segments.peekFirst();
        for (Segment s : segments) {
            if (s.firstOffset > offset) {
                break;
            }
            found = s;
        }
        return found;
    }

    /** The first segment whose last record is at or after the timestamp, or null. */
    public Segment endingAtOrAfter(long timestampMillis) {
        for (Segment s : segments) {
            if (s.lastTimestamp >= timestampMillis) {
                return s;
            }
        }
        return null;
    }

    /** The ids of the segments from {@code id} on, in order. */
    List<Integer> idsFrom(int id) {
        List<Integer> ids = new ArrayList<>();
        for (Segment s : segments) {
            if (s.id >= id) {
                ids.add(s.id);
            }
        }
        return ids;
    }
}
