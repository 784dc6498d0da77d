package io.mensajero.cli.bench.stats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A count with one writer at a time (a producer's thread, a channel's consumer dispatch, a
 * connection's reader) and any number of readers (the stats thread once a second). The writer
 * publishes with a release store, no lock and no atomic read-modify-write.
 */
public final class Counter {
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(Counter.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // padding: counters of different threads stay off each other's cache line
    private long p1, p2, p3, p4, p5, p6, p7;
    private long value;
    @SuppressWarnings("unused")
    private long q1, q2, q3, q4, q5, q6, q7;

    /** Adds one; the writer's thread only. Returns the new count. */
    public long increment() {
        long next = value + 1;
        VALUE.setRelease(this, next);
        return next;
    }

    /** Adds {@code n}; the writer's thread only. */
    public void add(long n) {
        VALUE.setRelease(this, value + n);
    }

    /** The count, from any thread. */
    public long get() {
        return (long) VALUE.getAcquire(this);
    }
}
