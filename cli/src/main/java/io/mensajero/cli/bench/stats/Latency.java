package io.mensajero.cli.bench.stats;

import org.HdrHistogram.Histogram;

/**
 * Consumer latency percentiles in microseconds, from the send time in the body to the delivery
 * in the consumer. All zero when nothing was measured ({@code count} 0).
 */
public record Latency(long count, long min, long p50, long p75, long p95, long p99, long max) {
    public static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0, 0);

    /** The percentiles of a histogram of microseconds. */
    public static Latency of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(h.getTotalCount(), h.getMinValue(), h.getValueAtPercentile(50), h.getValueAtPercentile(75),
                h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getMaxValue());
    }
}
