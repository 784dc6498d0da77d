package io.mensajero.broker.internal.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * The broker-wide and per-vhost counters: the message counters every channel adds to, the
 * traffic of each vhost's connections, and RabbitMQ's churn counters (connections, channels and
 * queues created, closed, declared, deleted). Confined to the broker loop; readers take snapshots.
 */
public final class StatsRegistry {
    public static final int CONNECTION_CREATED = 0;
    public static final int CONNECTION_CLOSED = 1;
    public static final int CHANNEL_CREATED = 2;
    public static final int CHANNEL_CLOSED = 3;
    public static final int QUEUE_DECLARED = 4;
    public static final int QUEUE_CREATED = 5;
    public static final int QUEUE_DELETED = 6;
    public static final String[] CHURN_NAMES = {"connection_created", "connection_closed", "channel_created",
        "channel_closed", "queue_declared", "queue_created", "queue_deleted"};

    private final Counters messages = new Counters(MessageStats.SIZE);
    private final Counters churn = new Counters(CHURN_NAMES.length);
    private final Map<String, Counters> vhostMessages = new HashMap<>();
    private final Map<String, Counters> vhostTraffic = new HashMap<>();
    private final long startedAt = System.currentTimeMillis();

    /** The broker's message counters (the overview's message_stats). */
    public Counters messages() {
        return messages;
    }

    public Counters churn() {
        return churn;
    }

    public void count(int churnCounter) {
        churn.inc(churnCounter);
    }

    /** A vhost's message counters, made on first use. */
    public Counters vhostMessages(String vhost) {
        return vhostMessages.computeIfAbsent(vhost, v -> new Counters(MessageStats.SIZE));
    }

    public Counters vhostTraffic(String vhost) {
        return vhostTraffic.computeIfAbsent(vhost, v -> TrafficStats.create());
    }

    /** New counters for a channel in the vhost: what it counts, the vhost and the broker count too. */
    public Counters channel(String vhost) {
        return MessageStats.forChannel(vhostMessages(vhost), messages);
    }

    public void vhostDeleted(String vhost) {
        vhostMessages.remove(vhost);
        vhostTraffic.remove(vhost);
    }

    public long startedAt() {
        return startedAt;
    }

    /** Samples the broker-wide and per-vhost rates. */
    public void sample(double seconds) {
        messages.sample(seconds);
        churn.sample(seconds);
        vhostMessages.values().forEach(c -> c.sample(seconds));
        vhostTraffic.values().forEach(c -> c.sample(seconds));
    }
}
