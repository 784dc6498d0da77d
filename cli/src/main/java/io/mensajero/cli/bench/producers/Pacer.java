package io.mensajero.cli.bench.producers;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Holds a producer to a rate (messages per second): each send has its due time on a fixed
 * schedule, so short delays are made up. After a stall of more than a second the schedule
 * restarts from now instead of sending a burst.
 */
final class Pacer {
    private static final long MAX_BEHIND_NANOS = 1_000_000_000L;

    private final long intervalNanos;
    private long next;

    Pacer(double ratePerSecond) {
        this.intervalNanos = Math.max(1, Math.round(1e9 / ratePerSecond));
    }

    /** Waits until the next send is due; false when {@code stopping} said so while waiting. */
    boolean awaitTurn(BooleanSupplier stopping) {
        long now = System.nanoTime();
        if (next == 0 || now - next > MAX_BEHIND_NANOS) {
            next = now;
        }
        while (now < next) {
            if (stopping.getAsBoolean()) {
                return false;
            }
            LockSupport.parkNanos(next - now);
            now = System.nanoTime();
        }
        next += intervalNanos;
        return true;
    }
}
