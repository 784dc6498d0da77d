package io.mensajero.cli.bench.stats;

/** Message counts: over an interval, or since the start. */
public record Totals(long sent, long received, long confirmed, long nacked, long returned) {
    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

    /** {@code count} over {@code nanos}, per second (0 for no time). */
    public static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }

    public Totals minus(Totals earlier) {
        return new Totals(sent - earlier.sent, received - earlier.received, confirmed - earlier.confirmed,
                nacked - earlier.nacked, returned - earlier.returned);
    }
}
