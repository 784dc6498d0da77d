package io.mensajero.broker.internal.store;

/**
 * What the loop keeps of one segment file: how many of its records are still live (not acked or
 * dropped) and how many of those are still in the queue's on-disk tail. For a segment found at
 * recovery, the offsets of its dead records (acked before, or transient), which reads skip.
 * Tens of bytes per segment, whatever the number of messages in it.
 */
final class Segment {
    final int id;
    int live;
    int tailLeft;
    /** Sorted offsets of records to skip (recovered segments only), else null. */
    final int[] dead;

    Segment(int id, int[] dead) {
        this.id = id;
        this.dead = dead;
    }

    boolean isDead(int offset) {
        return dead != null && java.util.Arrays.binarySearch(dead, offset) >= 0;
    }
}
