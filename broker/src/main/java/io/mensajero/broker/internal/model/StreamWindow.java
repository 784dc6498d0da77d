package io.mensajero.broker.internal.model;

/**
 * The newest messages of a stream in memory, by offset: a ring with no gaps, so the message at
 * an offset is found at once. With a data directory it holds a window (older messages are read
 * from disk); without one, every message the stream keeps. Timestamps never decrease.
 */
final class StreamWindow {
    /** A message of a stream: its offset, its timestamp (epoch ms) and the message. */
    record Entry(long offset, long timestamp, Message message) {
    }

    private Entry[] ring = new Entry[64];
    private int head;
    private int size;
    private long heapBytes;

    int size() {
        return size;
    }

    /** Heap cost of the messages held. */
    long heapBytes() {
        return heapBytes;
    }

    /** The oldest offset held (only when not empty). */
    long firstOffset() {
        return ring[head].offset();
    }

    Entry first() {
        return size == 0 ? null : ring[head];
    }

    boolean holds(long offset) {
        return size > 0 && offset >= firstOffset() && offset < firstOffset() + size;
    }

    Entry at(long offset) {
        return ring[(head + (int) (offset - firstOffset())) & (ring.length - 1)];
    }

    void add(Entry e) {
        if (size == ring.length) {
            Entry[] bigger = new Entry[ring.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = ring[(head + i) & (ring.length - 1)];
            }
            ring = bigger;
            head = 0;
        }
        ring[(head + size) & (ring.length - 1)] = e;
        size++;
        heapBytes += e.message().heapCost();
    }

    Entry removeFirst() {
        Entry e = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        heapBytes -= e.message().heapCost();
        return e;
    }

    /** The offset of the first message at or after the timestamp, or -1 when every one is older. */
    long offsetAtOrAfter(long timestampMillis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ring[(head + mid) & (ring.length - 1)].timestamp() < timestampMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == size ? -1 : firstOffset() + lo;
    }
}
