package io.mensajero.broker.internal.stats;

/**
 * The message counters of channels, queues, vhosts and the whole broker, in the order and with
 * the names of RabbitMQ's {@code message_stats}. Indexes into {@link Counters}.
 */
public final class MessageStats {
    public static final int PUBLISH = 0;
    public static final int CONFIRM = 1;
    public static final int RETURN_UNROUTABLE = 2;
    public static final int DROP_UNROUTABLE = 3;
    public static final int DELIVER = 4;
    public static final int DELIVER_NO_ACK = 5;
    public static final int GET = 6;
    public static final int GET_NO_ACK = 7;
    public static final int GET_EMPTY = 8;
    public static final int ACK = 9;
    public static final int REDELIVER = 10;
    public static final int SIZE = 11;

    /** RabbitMQ's names, by index. */
    public static final String[] NAMES = {
        "publish", "confirm", "return_unroutable", "drop_unroutable", "deliver", "deliver_no_ack", "get",
        "get_no_ack", "get_empty", "ack", "redeliver"};

    /** What publishers do; RabbitMQ shows these as one group. */
    public static final int[] PUBLISHING = {PUBLISH, CONFIRM, RETURN_UNROUTABLE, DROP_UNROUTABLE};
    /** What consumers do. */
    public static final int[] CONSUMING = {ACK, DELIVER, DELIVER_NO_ACK, GET, GET_EMPTY, GET_NO_ACK, REDELIVER};

    private MessageStats() {
    }

    /** A channel's counters, also counted by its vhost and the broker. */
    public static Counters forChannel(Counters vhost, Counters broker) {
        return new Counters(SIZE, vhost, broker);
    }

    /** RabbitMQ's {@code deliver_get}: everything handed out, by consume or get, with or without ack. */
    public static long deliverGet(Counters.Snapshot s) {
        return s.get(DELIVER) + s.get(DELIVER_NO_ACK) + s.get(GET) + s.get(GET_NO_ACK);
    }

    public static double deliverGetRate(Counters.Snapshot s) {
        return Math.round((s.rate(DELIVER) + s.rate(DELIVER_NO_ACK) + s.rate(GET) + s.rate(GET_NO_ACK)) * 10.0) / 10.0;
    }
}
