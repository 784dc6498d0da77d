package io.mensajero.broker.internal.stats;

/**
 * A few counters of one object (a queue, an exchange, a channel, a connection, a vhost) and their
 * rates per second over the last sampling interval, as RabbitMQ's management API reports them
 * ({@code publish} and {@code publish_details.rate}). Counting is an array increment on the
 * broker loop; a timer on the same loop samples the rates, so the hot path never computes one.
 * A parent (a channel's vhost, say) counts everything its children count.
 */
public class Counters {
    private final long[] values;
    private final long[] sampled;
    private final double[] rates;
    private final Counters parent;
    private final Counters grandparent;

    public Counters(int size) {
        this(size, null, null);
    }

    /** Counters whose every increment also goes to the parent and the grandparent (either may be null). */
    public Counters(int size, Counters parent, Counters grandparent) {
        this.values = new long[size];
        this.sampled = new long[size];
        this.rates = new double[size];
        this.parent = parent;
        this.grandparent = grandparent;
    }

    public final void inc(int counter) {
        values[counter]++;
        if (parent != null) {
            parent.values[counter]++;
        }
        if (grandparent != null) {
            grandparent.values[counter]++;
        }
    }

    public final void add(int counter, long n) {
        values[counter] += n;
        if (parent != null) {
            parent.values[counter] += n;
        }
        if (grandparent != null) {
            grandparent.values[counter] += n;
        }
    }

    public final long get(int counter) {
        return values[counter];
    }

    public final double rate(int counter) {
        return rates[counter];
    }

    public final int size() {
        return values.length;
    }

    /** Adds what another object counted (a closed channel's totals kept by its vhost). */
    public final void absorb(Counters other) {
        for (int i = 0; i < Math.min(values.length, other.values.length); i++) {
            values[i] += other.values[i];
            sampled[i] += other.values[i];
        }
    }

    /** Updates the rates from what was counted since the last sample, {@code seconds} ago. */
    public void sample(double seconds) {
        for (int i = 0; i < values.length; i++) {
            rates[i] = rate(values[i] - sampled[i], seconds);
            sampled[i] = values[i];
        }
    }

    /** RabbitMQ reports rates with one decimal. */
    static double rate(long delta, double seconds) {
        if (seconds <= 0) {
            return 0.0;
        }
        return Math.round(delta / seconds * 10.0) / 10.0;
    }

    /** An immutable copy, for readers off the broker loop. */
    public Snapshot snapshot() {
        return new Snapshot(values.clone(), rates.clone());
    }

    /** Counters and rates at one moment. */
    public record Snapshot(long[] values, double[] rates) {
        public long get(int counter) {
            return values[counter];
        }

        public double rate(int counter) {
            return rates[counter];
        }

        public boolean anyNonZero(int... counters) {
            for (int c : counters) {
                if (values[c] != 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
