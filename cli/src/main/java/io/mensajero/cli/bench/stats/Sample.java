package io.mensajero.cli.bench.stats;

/**
 * One interval (a second by default): what was sent, received, confirmed, nacked and returned in it,
 * as counts and rates, and the latencies of the messages received in it.
 *
 * @param elapsedNanos from the start of the run to the end of this interval
 */
public record Sample(long elapsedNanos, long intervalNanos, Totals counts, Latency latency) {
    public double sendRate() {
        return rate(counts.sent());
    }

    public double receiveRate() {
        return rate(counts.received());
    }

    public double confirmRate() {
        return rate(counts.confirmed());
    }

    public double nackRate() {
        return rate(counts.nacked());
    }

    public double returnRate() {
        return rate(counts.returned());
    }

    private double rate(long count) {
        return intervalNanos <= 0 ? 0 : count * 1e9 / intervalNanos;
    }
}
