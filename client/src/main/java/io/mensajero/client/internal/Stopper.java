package io.mensajero.client.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A stop flag that also wakes whoever is pausing, and the news that the connection was lost,
 * which wakes them too (without asking them to stop: they are to report the loss). Thread-safe.
 */
public final class Stopper {
    private final Object lock = new Object();
    private volatile String reason;
    private volatile Throwable lost;

    /** Raises the flag; returns true for the first call only. */
    public boolean stop(String why) {
        synchronized (lock) {
            boolean first = reason == null;
            if (first) {
                reason = why;
            }
            lock.notifyAll();
            return first;
        }
    }

    /** The connection was lost (e.g. from a shutdown listener): wakes whoever pauses, at once. */
    public void connectionLost(Throwable cause) {
        synchronized (lock) {
            if (lost == null) {
                lost = cause;
            }
            lock.notifyAll();
        }
    }

    /** Why the connection was lost, or null while it was not. */
    public Throwable lost() {
        return lost;
    }

    public boolean stopped() {
        return reason != null;
    }

    /** Why it was stopped, or null. */
    public String reason() {
        return reason;
    }

    /** Wakes pauses so that they check their condition again (e.g. after a connection loss). */
    public void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /**
     * Pauses for {@code duration} unless stopped first.
     *
     * @return true when the whole pause elapsed, false when the flag was (or got) raised or the
     *         connection was lost
     */
    public boolean pause(Duration duration) throws InterruptedException {
        return pause(duration, () -> false);
    }

    /**
     * Pauses for {@code duration} unless stopped first or {@code interrupted} becomes true
     * (checked whenever {@link #wake()} is called).
     *
     * @return true when the whole pause elapsed, false when stopped or interrupted
     */
    public boolean pause(Duration duration, BooleanSupplier interrupted) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (lock) {
            while (true) {
                if (reason != null || lost != null || interrupted.getAsBoolean()) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                lock.wait(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
    }
}
