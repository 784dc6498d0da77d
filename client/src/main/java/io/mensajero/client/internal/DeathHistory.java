package io.mensajero.client.internal;

import com.rabbitmq.client.AMQP;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message's dead-lettering history, read from the {@code x-death} header the broker writes
 * (most recent death first; one entry per queue and reason, with a count), and its quorum
 * delivery count ({@code x-delivery-count}).
 */
public final class DeathHistory {
    private final List<Map<String, Object>> entries;

    private DeathHistory(List<Map<String, Object>> entries) {
        this.entries = entries;
    }

    public static DeathHistory of(AMQP.BasicProperties properties) {
        Map<String, Object> headers = properties == null ? null : properties.getHeaders();
        Object xDeath = headers == null ? null : headers.get("x-death");
        List<Map<String, Object>> entries = new ArrayList<>();
        if (xDeath instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> t) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("queue", text(t.get("queue")));
                    e.put("reason", text(t.get("reason")));
                    e.put("count", t.get("count") instanceof Number n ? n.longValue() : 1L);
                    e.put("exchange", text(t.get("exchange")));
                    List<String> keys = new ArrayList<>();
                    if (t.get("routing-keys") instanceof List<?> rk) {
                        rk.forEach(k -> keys.add(text(k)));
                    }
                    e.put("routingKeys", keys);
                    entries.add(e);
                }
            }
        }
        return new DeathHistory(entries);
    }

    /** How often the message died in this queue for this reason (0 when never). */
    public long count(String queue, String reason) {
        for (Map<String, Object> e : entries) {
            if (queue.equals(e.get("queue")) && reason.equals(e.get("reason"))) {
                return (Long) e.get("count");
            }
        }
        return 0;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entries as event fields: queue, reason, count, exchange, routingKeys; most recent first. */
    public List<Map<String, Object>> entries() {
        return entries;
    }

    /** The x-delivery-count header a quorum queue adds to redeliveries, or 0. */
    public static long deliveryCount(AMQP.BasicProperties properties) {
        Map<String, Object> headers = properties == null ? null : properties.getHeaders();
        Object count = headers == null ? null : headers.get("x-delivery-count");
        return count instanceof Number n ? n.longValue() : 0;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
