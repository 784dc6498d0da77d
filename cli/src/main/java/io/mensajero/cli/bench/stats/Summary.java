package io.mensajero.cli.bench.stats;

/**
 * The whole run: counts since the start, average rates over {@code elapsedNanos} (from the moment
 * producers started until the run stopped), latencies of every message received, and why it ended.
 */
public record Summary(long elapsedNanos, Totals totals, Latency latency, String reason) {
    public double sendRate() {
        return Totals.perSecond(totals.sent(), elapsedNanos);
    }

    public double receiveRate() {
        return Totals.perSecond(totals.received(), elapsedNanos);
    }

    public double confirmRate() {
        return Totals.perSecond(totals.confirmed(), elapsedNanos);
    }
}
