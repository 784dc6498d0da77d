package io.mensajero.broker.internal.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A clock the test moves by hand; due timers run when it advances. */
final class ManualTimers implements Timers {
    private long now;
    private final List<long[]> due = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public long now() {
        return now;
    }

    @Override
    public Timer schedule(Runnable task, long delayMillis) {
        long[] at = {now + delayMillis};
        due.add(at);
        tasks.add(task);
        return () -> at[0] = Long.MAX_VALUE;
    }

    void advance(long millis) {
        now += millis;
        boolean ran = true;
        while (ran) {
            ran = false;
            Iterator<long[]> d = due.iterator();
            Iterator<Runnable> t = tasks.iterator();
            while (d.hasNext()) {
                long[] at = d.next();
                Runnable task = t.next();
                if (at[0] <= now) {
                    d.remove();
                    t.remove();
                    task.run();
                    ran = true;
                    break;
                }
            }
        }
    }
}
