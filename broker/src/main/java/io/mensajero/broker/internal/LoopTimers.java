package io.mensajero.broker.internal;

import io.mensajero.broker.internal.model.Timers;
import io.netty.channel.EventLoop;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Timers on the broker's event loop; what a timer changes is flushed to clients after it runs. */
final class LoopTimers implements Timers {
    private final EventLoop loop;
    private final Runnable afterEach;

    LoopTimers(EventLoop loop, Runnable afterEach) {
        this.loop = loop;
        this.afterEach = afterEach;
    }

    @Override
    public long now() {
        return Math.floorDiv(System.nanoTime(), 1_000_000L);
    }

    @Override
    public long nowRoundedUp() {
        return -Math.floorDiv(-System.nanoTime(), 1_000_000L);
    }

    @Override
    public Timer schedule(Runnable task, long delayMillis) {
        ScheduledFuture<?> future = loop.schedule(() -> {
            task.run();
            afterEach.run();
        }, delayMillis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
