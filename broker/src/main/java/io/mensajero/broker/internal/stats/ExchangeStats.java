package io.mensajero.broker.internal.stats;

/** An exchange's counters, RabbitMQ's {@code publish_in} (messages published to it) and {@code publish_out} (copies routed on). */
public final class ExchangeStats {
    public static final int PUBLISH_IN = 0;
    public static final int PUBLISH_OUT = 1;
    public static final String[] NAMES = {"publish_in", "publish_out"};

    private ExchangeStats() {
    }

    public static Counters create() {
        return new Counters(NAMES.length);
    }
}
