package io.mensajero.cli.bench.stats;

/** One producer's counts: {@code sent} by its thread, the others by its connection's reader thread. */
public final class ProducerStats {
    public final Counter sent = new Counter();
    public final Counter confirmed = new Counter();
    public final Counter nacked = new Counter();
    public final Counter returned = new Counter();
}
