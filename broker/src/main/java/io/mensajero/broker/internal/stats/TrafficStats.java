package io.mensajero.broker.internal.stats;

/** A connection's socket traffic, as RabbitMQ counts it: octets and packets received and sent. */
public final class TrafficStats {
    public static final int RECV_OCT = 0;
    public static final int RECV_CNT = 1;
    public static final int SEND_OCT = 2;
    public static final int SEND_CNT = 3;
    public static final String[] NAMES = {"recv_oct", "recv_cnt", "send_oct", "send_cnt"};

    private TrafficStats() {
    }

    public static Counters create() {
        return new Counters(NAMES.length);
    }
}
