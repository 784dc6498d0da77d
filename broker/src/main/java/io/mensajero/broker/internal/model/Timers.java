package io.mensajero.broker.internal.model;

/** Clock and timers of the broker thread, so the model can expire messages without threads of its own. */
public interface Timers {
    /** A pending task that can be called off. */
    interface Timer {
        void cancel();
    }

    /** Milliseconds of a monotonic clock, the current one not yet over (rounded down). */
    long now();

    /**
     * The same clock rounded up: a deadline of this plus a TTL is never before the TTL has passed,
     * when {@link #now()} is compared with it.
     */
    default long nowRoundedUp() {
        return now();
    }

    /** Runs the task on the broker thread after the delay. */
    Timer schedule(Runnable task, long delayMillis);
}
