package io.mensajero.cli.bench.model;

import io.mensajero.client.MensajeroException;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When a run ends, shared by its agents and its stats thread: a stop request (a signal, the time
 * limit, a failure), or every agent with a message count having reached it. Agents only read
 * {@link #stopping()} (a volatile read) on their hot path.
 */
public final class RunControl {
    private final AtomicInteger remaining;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicReference<String> reason = new AtomicReference<>();
    private final AtomicReference<MensajeroException> failure = new AtomicReference<>();
    private volatile boolean stopping;
    private volatile long stoppedAtNanos;

    /** {@code limitedAgents}: how many producers and consumers have a message count to reach. */
    public RunControl(int limitedAgents) {
        this.remaining = new AtomicInteger(limitedAgents);
    }

    public boolean stopping() {
        return stopping;
    }

    /** Asks everything to stop; the first reason given is kept. Thread-safe and idempotent. */
    public void stop(String why) {
        if (reason.compareAndSet(null, why)) {
            stoppedAtNanos = System.nanoTime();
            stopping = true;
            ended.countDown();
        }
    }

    /** An agent with a message count reached it; when the last one does, the run ends. */
    public void agentDone() {
        if (remaining.decrementAndGet() == 0) {
            stop("message count reached");
        }
    }

    /** The run cannot go on; the first failure is the one reported. */
    public void fail(MensajeroException e) {
        failure.compareAndSet(null, e);
        stop("error");
    }

    /** Waits until the run ends or {@code nanos} pass; true when it ended. */
    public boolean awaitEnd(long nanos) throws InterruptedException {
        return nanos <= 0 ? ended.getCount() == 0 : ended.await(nanos, TimeUnit.NANOSECONDS);
    }

    public String reason() {
        return reason.get();
    }

    /** When {@link #stop} was first called ({@link System#nanoTime()}), or 0. */
    public long stoppedAtNanos() {
        return stoppedAtNanos;
    }

    /** The first failure, or null. */
    public MensajeroException failure() {
        return failure.get();
    }
}
