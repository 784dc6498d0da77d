package io.mensajero.broker.internal.stats;

/**
 * A queue's message counters ({@link MessageStats}: publish, deliver, get, ack, redeliver) and its
 * depth as last sampled, so {@code messages_details.rate} says how fast it fills or drains.
 */
public final class QueueStats extends Counters {
    public static final int DEPTH_MESSAGES = 0;
    public static final int DEPTH_READY = 1;
    public static final int DEPTH_UNACKED = 2;

    private final long[] depth = new long[3];
    private final double[] depthRates = new double[3];

    public QueueStats() {
        super(MessageStats.SIZE);
    }

    /** Samples the counters and the depth (ready and unacked messages now). */
    public void sample(double seconds, long ready, long unacked) {
        sample(seconds);
        long[] now = {ready + unacked, ready, unacked};
        for (int i = 0; i < 3; i++) {
            depthRates[i] = rate(now[i] - depth[i], seconds);
            depth[i] = now[i];
        }
    }

    /** The depth rates: messages, ready, unacked (per second, over the last interval). */
    public double[] depthRates() {
        return depthRates.clone();
    }
}
