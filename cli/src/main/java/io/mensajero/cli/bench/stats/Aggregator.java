package io.mensajero.cli.bench.stats;

import org.HdrHistogram.Histogram;

import java.util.List;

/**
 * Adds up every producer's and consumer's counters and latency recorders once per interval. Used
 * by one thread (the run's stats thread); the agents never wait for it.
 */
public final class Aggregator {
    private final List<ProducerStats> producers;
    private final List<Counter> received;
    private final LatencyRecorders latencies;
    private final Histogram interval = LatencyRecorders.newHistogram();
    private final Histogram total = LatencyRecorders.newHistogram();
    private final long startNanos;
    private long lastNanos;
    private Totals last = Totals.ZERO;

    public Aggregator(List<ProducerStats> producers, List<Counter> received, LatencyRecorders latencies,
                      long startNanos) {
        this.producers = List.copyOf(producers);
        this.received = List.copyOf(received);
        this.latencies = latencies;
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    /** The counts since the start, read now. */
    public Totals totals() {
        long sent = 0;
        long confirmed = 0;
        long nacked = 0;
        long returned = 0;
        for (ProducerStats p : producers) {
            sent += p.sent.get();
            confirmed += p.confirmed.get();
            nacked += p.nacked.get();
            returned += p.returned.get();
        }
        long got = 0;
        for (Counter c : received) {
            got += c.get();
        }
        return new Totals(sent, got, confirmed, nacked, returned);
    }

    /** Closes the interval that ends at {@code nowNanos} ({@link System#nanoTime()}). */
    public Sample sample(long nowNanos) {
        Totals now = totals();
        interval.reset();
        latencies.drainInto(interval);
        total.add(interval);
        Sample sample = new Sample(nowNanos - startNanos, nowNanos - lastNanos, now.minus(last), Latency.of(interval));
        last = now;
        lastNanos = nowNanos;
        return sample;
    }

    /** The whole run, once the last {@link #sample} is taken. */
    public Summary summary(long endNanos, String reason) {
        return new Summary(endNanos - startNanos, last, Latency.of(total), reason);
    }
}
