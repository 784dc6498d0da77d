package io.mensajero.scenarios.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a scenario's cases side by side, each on its own thread (and its own connection), for
 * cases that mostly wait on a broker's fixed delay (a silent close after 3 s): they then cost the
 * delay once, not once each. Every case runs to its end; then one failure lists every case that
 * failed, by name, with what it saw.
 */
final class Concurrently {
    private static final long LIMIT_SECONDS = 120;

    /** One case: what it does, with its own connection. */
    @FunctionalInterface
    interface Case {
        void run() throws Exception;
    }

    private Concurrently() {
    }

    static void run(Map<String, Case> cases) {
        ExecutorService pool = Executors.newFixedThreadPool(cases.size());
        try {
            Map<String, Future<?>> running = new TreeMap<>();
            cases.forEach((name, c) -> running.put(name, pool.submit(() -> {
                c.run();
                return null;
            })));
            List<String> failures = new ArrayList<>();
            AssertionError first = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
            for (Map.Entry<String, Future<?>> entry : running.entrySet()) {
                try {
                    entry.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    failures.add(entry.getKey() + ": " + e.getCause());
                    if (first == null) {
                        first = new AssertionError(entry.getKey() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    failures.add(entry.getKey() + ": still running after " + LIMIT_SECONDS + " s");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
            if (!failures.isEmpty()) {
                AssertionError all = new AssertionError(failures.size() + " of " + cases.size() + " cases failed:\n  "
                        + String.join("\n  ", failures));
                if (first != null) {
                    all.addSuppressed(first);
                }
                throw all;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
