package io.mensajero.client.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stop flag that also wakes whoever is pausing, and the news that the connection was lost,
 * which wakes them too (without asking them to stop: they are to report the loss). Thread-safe.
 */
public final class Stopper {
    private final AtomicReference<String> reason = new AtomicReference<>();
    private final AtomicReference<Throwable> lost = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Raises the flag; returns true for the first call only. */
    public boolean stop(String why) {
        boolean first = reason.compareAndSet(null, why);
        stopped.countDown();
        return first;
    }

    /** The connection was lost (e.g. from a shutdown listener): wakes whoever pauses, at once. */
    public void connectionLost(Throwable cause) {
        lost.compareAndSet(null, cause);
        stopped.countDown();
    }

    /** Why the connection was lost, or null while it was not. */
    public Throwable lost() {
        return lost.get();
    }

    public boolean stopped() {
        return reason.get() != null;
    }

    /** Why it was stopped, or null. */
    public String reason() {
        return reason.get();
    }

    /**
     * Pauses for {@code duration} unless stopped first.
     *
     * @return true when the whole pause elapsed, false when the flag was (or got) raised or the
     *         connection was lost
     */
    public boolean pause(Duration duration) throws InterruptedException {
        if (duration.isZero() || duration.isNegative()) {
            return !stopped();
        }
        return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
