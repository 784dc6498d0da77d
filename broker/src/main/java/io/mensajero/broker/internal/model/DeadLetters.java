package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.arguments.FieldTypes;
import io.mensajero.broker.internal.arguments.QueueSettings;
import io.mensajero.protocol.BasicProperties;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dead-lettering as RabbitMQ 3.10 does it for classic queues (at most once): a message rejected
 * without requeue, expired, dropped at a length limit or past its delivery limit is republished
 * to the queue's dead-letter exchange, from that exchange, by its own routing keys (CC and BCC
 * included) or by the dead-letter routing key (which also removes the CC header). Its headers
 * gain an x-death entry (one per queue and reason, the latest first; a repeated death counts up
 * the existing entry and moves it to the front, keeping its time) and, on its first death, the
 * x-first-death-reason, -queue and -exchange headers; its expiration is removed (kept in the entry
 * as original-expiration). A dead-letter exchange that does not exist drops the message. A
 * message that would come back to a queue it died in, with no rejection since, is not delivered
 * to that queue (RabbitMQ's cycle detection); rejections never count as cycles.
 */
final class DeadLetters {
    /** Why a message is dead-lettered: the x-death reason. */
    enum Reason {
        REJECTED("rejected"), EXPIRED("expired"), MAXLEN("maxlen"), DELIVERY_LIMIT("delivery_limit");

        final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    private DeadLetters() {
    }

    /**
     * Dead-letters a message that leaves {@code from} for this reason, if the queue has a
     * dead-letter exchange (by argument or policy) that exists. Returns whether it was republished
     * (routed or not).
     */
    static boolean publish(MessageQueue from, Message message, Reason reason) {
        QueueSettings settings = from.settings();
        if (!settings.deadLettering()) {
            return false;
        }
        VirtualHost vhost = from.vhost();
        Exchange exchange = vhost.lookupExchange(settings.deadLetterExchange());
        if (exchange == null) {
            return false;
        }
        List<Map<String, Object>> deaths = new ArrayList<>();
        Message dead = make(message, reason, exchange.name(), settings.deadLetterRoutingKey(), from.name(), deaths);
        Collection<MessageQueue> targets = vhost.route(exchange, dead);
        for (MessageQueue q : targets) {
            if (reason == Reason.REJECTED || !isCycle(q.name(), deaths)) {
                q.enqueue(dead);
            }
        }
        return true;
    }

    /** The dead-lettered copy; {@code deathsOut} receives its x-death entries. */
    static Message make(Message m, Reason reason, String exchange, String routingKey, String queue,
                        List<Map<String, Object>> deathsOut) {
        BasicProperties props = m.properties();
        Map<String, Object> headers = props.headers() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(props.headers());
        List<Object> deathKeys = new ArrayList<>();
        deathKeys.add(m.routingKey());
        if (headers.get("CC") instanceof List<?> cc) {
            for (Object k : cc) {
                if (FieldTypes.isText(k)) {
                    deathKeys.add(k.toString());
                }
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("count", 1L);
        info.put("reason", reason.text);
        info.put("queue", queue);
        info.put("time", Instant.ofEpochSecond(System.currentTimeMillis() / 1000));
        info.put("exchange", m.exchange());
        info.put("routing-keys", deathKeys);
        if (props.expiration() != null) {
            info.put("original-expiration", props.expiration());
        }
        List<Map<String, Object>> deaths = updateDeaths(headers, info, queue, reason.text);
        deathsOut.addAll(deaths);
        Map<String, Object> sorted = new TreeMap<>(headers);
        if (routingKey != null) {
            sorted.remove("CC");
        }
        BasicProperties deadProps = props.withHeaders(new LinkedHashMap<>(sorted)).withExpiration(null);
        Message dead = new Message(exchange, routingKey != null ? routingKey : m.routingKey(), deadProps, m.body());
        if (routingKey == null) {
            List<String> keys = m.routingKeys();
            if (keys.size() > 1) {
                dead.routeAlsoBy(keys.subList(1, keys.size()));
            } else if (deathKeys.size() > 1) {
                // read back from disk, it lost its header routes: its CC header gives them again (BCC is gone)
                dead.routeAlsoBy(deathKeys.subList(1, deathKeys.size()).stream().map(Object::toString).toList());
            }
        }
        return dead;
    }

    /** Puts the new death into the headers' x-death (and first-death headers); returns the entries. */
    private static List<Map<String, Object>> updateDeaths(Map<String, Object> headers, Map<String, Object> info,
                                                          String queue, String reason) {
        Object existing = headers.get("x-death");
        List<Map<String, Object>> deaths = new ArrayList<>();
        if (existing == null) {
            headers.put("x-first-death-reason", reason);
            headers.put("x-first-death-queue", queue);
            headers.put("x-first-death-exchange", info.get("exchange"));
            deaths.add(info);
        } else if (!(existing instanceof List<?> list)) {
            deaths.add(info);
        } else {
            Map<String, Object> match = null;
            List<Map<String, Object>> others = new ArrayList<>();
            for (Map<String, Object> d : grouped(list)) {
                if (match == null && queue.equals(text(d.get("queue"))) && reason.equals(text(d.get("reason")))) {
                    match = d;
                } else {
                    others.add(d);
                }
            }
            Map<String, Object> first;
            if (match == null) {
                first = new TreeMap<>(info);
            } else {
                first = new TreeMap<>(match);
                long count = match.get("count") instanceof Number n ? n.longValue() : 0;
                first.put("count", count + 1);
            }
            deaths.add(new LinkedHashMap<>(first));
            deaths.addAll(others);
        }
        headers.put("x-death", new ArrayList<Object>(deaths));
        return deaths;
    }

    /**
     * The existing entries, one per queue and reason (the first of each, with a count of how many
     * there were when it has none), as RabbitMQ groups histories written before counts existed.
     */
    private static List<Map<String, Object>> grouped(List<?> entries) {
        Map<List<String>, Map<String, Object>> byKey = new LinkedHashMap<>();
        Map<List<String>, Integer> seen = new LinkedHashMap<>();
        for (Object o : entries) {
            if (!(o instanceof Map<?, ?> m)) {
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            m.forEach((k, v) -> d.put(String.valueOf(k), v));
            List<String> key = List.of(String.valueOf(text(d.get("queue"))), String.valueOf(text(d.get("reason"))));
            seen.merge(key, 1, Integer::sum);
            byKey.putIfAbsent(key, d);
        }
        List<Map<String, Object>> result = new ArrayList<>();
        byKey.forEach((key, d) -> {
            if (!(d.get("count") instanceof Number)) {
                d.put("count", (long) seen.get(key));
            }
            result.add(d);
        });
        return result;
    }

    /**
     * RabbitMQ's is_cycle: the queue died this message before and every death since (that one
     * included) was automatic, none a rejection.
     */
    static boolean isCycle(String queue, List<Map<String, Object>> deaths) {
        for (int i = 0; i < deaths.size(); i++) {
            if (queue.equals(text(deaths.get(i).get("queue")))) {
                for (int j = 0; j <= i; j++) {
                    if ("rejected".equals(text(deaths.get(j).get("reason")))) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static String text(Object v) {
        return FieldTypes.isText(v) ? v.toString() : null;
    }
}
