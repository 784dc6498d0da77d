package io.mensajero.cli.bench.producers;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The publishes of one channel that the broker has not confirmed yet, without a lock or an
 * allocation per message: a ring of slots indexed by sequence number, each holding its sequence
 * number while unconfirmed and 0 once settled. The producer's thread fills slots; the connection's
 * reader thread (amqp-client calls confirm listeners there) settles them, one by one or
 * "multiple" up to a tag, also when confirms arrive out of order.
 */
public final class OutstandingConfirms {
    private final AtomicLongArray slots;
    private final int mask;
    /** Settler's thread only: every sequence number below this one is settled. */
    private long lowest = 1;
    private volatile long highestPublished;

    /** A ring with room for at least {@code capacity} unconfirmed messages. */
    public OutstandingConfirms(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        slots = new AtomicLongArray(size);
        mask = size - 1;
    }

    public int capacity() {
        return mask + 1;
    }

    /**
     * Records that {@code seq} (1, 2, ... in publish order) is about to be published. When its slot
     * still holds a message a whole ring older, waits for that one's confirm (or until
     * {@code stopping} says so; then returns false).
     */
    public boolean published(long seq, BooleanSupplier stopping) {
        int slot = (int) (seq & mask);
        while (slots.get(slot) != 0) {
            if (stopping.getAsBoolean()) {
                return false;
            }
            LockSupport.parkNanos(20_000);
        }
        slots.set(slot, seq);
        highestPublished = seq;
        return true;
    }

    /** Settles {@code tag}, or every unsettled number up to it when {@code multiple}; returns how many were new. */
    public int settle(long tag, boolean multiple) {
        int settled = 0;
        if (multiple) {
            for (long s = lowest; s <= tag; s++) {
                if (slots.compareAndSet((int) (s & mask), s, 0)) {
                    settled++;
                }
            }
            lowest = Math.max(lowest, tag + 1);
        } else if (slots.compareAndSet((int) (tag & mask), tag, 0)) {
            settled = 1;
        }
        long high = highestPublished;
        while (lowest <= high && slots.get((int) (lowest & mask)) != lowest) {
            lowest++;
        }
        return settled;
    }
}
