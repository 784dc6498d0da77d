package io.mensajero.cli.bench.stats;

/**
 * The whole run: counts since the start, average rates over {@code elapsedNanos} (from the moment
 * producers started until the run stopped), latencies of every message received, and why it ended.
 */
public record Summary(long elapsedNanos, Totals totals, Latency latency, String reason) {
    public double sendRate() {
        return rate(totals.sent());
    }

    public double receiveRate() {
        return rate(totals.received());
    }

    public double confirmRate() {
        return rate(totals.confirmed());
    }

    private double rate(long count) {
        return elapsedNanos <= 0 ? 0 : count * 1e9 / elapsedNanos;
    }
}
