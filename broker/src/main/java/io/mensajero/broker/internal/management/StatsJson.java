package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.stats.Counters;
import io.mensajero.broker.internal.stats.MessageStats;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counters as RabbitMQ's API writes them: {@code "publish": 86} beside
 * {@code "publish_details": {"rate": 4.6}}, the rate per second over the last sampling interval.
 */
final class StatsJson {
    private StatsJson() {
    }

    static void put(Map<String, Object> m, String name, long value, double rate) {
        m.put(name, value);
        m.put(name + "_details", Map.of("rate", rate));
    }

    /**
     * A channel's, vhost's or the broker's {@code message_stats}: the publishing counters and the
     * consuming counters, each group once anything in it was counted ({@code all} shows both).
     */
    static Map<String, Object> messageStats(Counters.Snapshot s, boolean all) {
        Map<String, Object> m = new TreeMap<>();
        if (all || s.anyNonZero(MessageStats.PUBLISHING)) {
            for (int c : MessageStats.PUBLISHING) {
                put(m, MessageStats.NAMES[c], s.get(c), s.rate(c));
            }
        }
        consuming(m, s, all);
        return m;
    }

    /** A queue's {@code message_stats}: publish, and the consuming counters once any was counted. */
    static Map<String, Object> queueMessageStats(Counters.Snapshot s) {
        Map<String, Object> m = new TreeMap<>();
        if (s.get(MessageStats.PUBLISH) != 0) {
            put(m, "publish", s.get(MessageStats.PUBLISH), s.rate(MessageStats.PUBLISH));
        }
        consuming(m, s, false);
        return m;
    }

    private static void consuming(Map<String, Object> m, Counters.Snapshot s, boolean all) {
        if (all || s.anyNonZero(MessageStats.CONSUMING)) {
            for (int c : MessageStats.CONSUMING) {
                put(m, MessageStats.NAMES[c], s.get(c), s.rate(c));
            }
            put(m, "deliver_get", MessageStats.deliverGet(s), MessageStats.deliverGetRate(s));
        }
    }

    /** Named counters (an exchange's publish_in and publish_out), those counted so far. */
    static Map<String, Object> named(Counters.Snapshot s, String[] names) {
        Map<String, Object> m = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            if (s.get(i) != 0) {
                put(m, names[i], s.get(i), s.rate(i));
            }
        }
        return m;
    }
}
