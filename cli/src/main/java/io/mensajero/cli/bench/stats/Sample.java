package io.mensajero.cli.bench.stats;

/**
 * One interval (a second by default): what was sent, received, confirmed, nacked and returned in it,
 * as counts and rates, and the latencies of the messages received in it.
 *
 * @param elapsedNanos from the start of the run to the end of this interval
 */
public record Sample(long elapsedNanos, long intervalNanos, Totals counts, Latency latency) {
    public double sendRate() {
        return Totals.perSecond(counts.sent(), intervalNanos);
    }

    public double receiveRate() {
        return Totals.perSecond(counts.received(), intervalNanos);
    }

    public double confirmRate() {
        return Totals.perSecond(counts.confirmed(), intervalNanos);
    }

    public double nackRate() {
        return Totals.perSecond(counts.nacked(), intervalNanos);
    }

    public double returnRate() {
        return Totals.perSecond(counts.returned(), intervalNanos);
    }
}
