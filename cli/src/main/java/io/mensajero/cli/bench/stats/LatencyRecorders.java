package io.mensajero.cli.bench.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Where consumers record latencies: a few HdrHistogram {@link Recorder}s (wait-free for writers),
 * consumer i writing to recorder i mod n, so a thousand consumers do not each hold a histogram and
 * a handful of consumer threads rarely touch the same one. The stats thread swaps them out once
 * per interval.
 */
public final class LatencyRecorders {
    /** Latencies above this (microseconds: one minute) are recorded as this. */
    public static final long HIGHEST_MICROS = 60_000_000L;
    static final int SIGNIFICANT_DIGITS = 3;
    private static final int MAX_RECORDERS = 8;

    private final Recorder[] recorders;
    private final Histogram[] recycled;

    public LatencyRecorders(int consumers) {
        int n = Math.max(1, Math.min(consumers, MAX_RECORDERS));
        recorders = new Recorder[n];
        recycled = new Histogram[n];
        for (int i = 0; i < n; i++) {
            recorders[i] = new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
        }
    }

    /** The recorder consumer {@code index} writes to. */
    public Recorder forConsumer(int index) {
        return recorders[index % recorders.length];
    }

    /** Records one latency in microseconds, clamped to 0 .. {@link #HIGHEST_MICROS}. */
    public static void record(Recorder recorder, long micros) {
        recorder.recordValue(micros < 0 ? 0 : Math.min(micros, HIGHEST_MICROS));
    }

    /** Moves what was recorded since the last call into {@code into}; the stats thread only. */
    void drainInto(Histogram into) {
        for (int i = 0; i < recorders.length; i++) {
            recycled[i] = recorders[i].getIntervalHistogram(recycled[i]);
            into.add(recycled[i]);
        }
    }

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }
}
