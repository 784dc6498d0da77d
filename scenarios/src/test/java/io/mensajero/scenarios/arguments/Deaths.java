package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.LongString;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dead-lettered message's history as RabbitMQ 3.10 writes it: the x-death array (most recent
 * death first), each entry a table of count (long), reason, queue, time (timestamp, seconds),
 * exchange, routing-keys (array of strings) and, when the message had an expiration,
 * original-expiration; and the x-first-death-reason, -queue and -exchange headers (3.10 writes no
 * x-last-death-* headers). Field types are checked as amqp-client decodes them.
 */
final class Deaths {
    private Deaths() {
    }

    /** One x-death entry without its time, values as plain strings, longs and lists. */
    record Death(long count, String reason, String queue, String exchange, List<String> routingKeys,
                 String originalExpiration) {
        static Death of(long count, String reason, String queue, String exchange, String... routingKeys) {
            return new Death(count, reason, queue, exchange, List.of(routingKeys), null);
        }

        Death withOriginalExpiration(String expiration) {
            return new Death(count, reason, queue, exchange, routingKeys, expiration);
        }
    }

    /** The x-death entries, checked for their types and a plausible time. */
    static List<Death> of(GetResponse r) {
        Map<String, Object> headers = r.getProps().getHeaders();
        assertThat(headers).as("headers of a dead-lettered message").isNotNull().containsKey("x-death");
        assertThat(headers.get("x-death")).isInstanceOf(List.class);
        List<Death> deaths = new ArrayList<>();
        long now = System.currentTimeMillis() / 1000;
        for (Object o : (List<?>) headers.get("x-death")) {
            assertThat(o).isInstanceOf(Map.class);
            Map<?, ?> t = (Map<?, ?>) o;
            assertThat(t.get("count")).as("count is a long").isInstanceOf(Long.class);
            for (String key : List.of("reason", "queue", "exchange")) {
                assertThat(t.get(key)).as(key + " is a longstr").isInstanceOf(LongString.class);
            }
            assertThat(t.get("time")).as("time is a timestamp").isInstanceOf(Date.class);
            long time = ((Date) t.get("time")).getTime() / 1000;
            assertThat(time).as("time, in seconds").isBetween(now - 120, now + 5);
            assertThat(t.get("routing-keys")).isInstanceOf(List.class);
            List<String> keys = new ArrayList<>();
            for (Object k : (List<?>) t.get("routing-keys")) {
                assertThat(k).isInstanceOf(LongString.class);
                keys.add(k.toString());
            }
            Object expiration = t.get("original-expiration");
            if (expiration != null) {
                assertThat(expiration).isInstanceOf(LongString.class);
            }
            assertThat(t.keySet()).as("the keys of an x-death entry").allMatch(k -> List.of("count", "reason",
                    "queue", "time", "exchange", "routing-keys", "original-expiration").contains(k));
            deaths.add(new Death((Long) t.get("count"), t.get("reason").toString(), t.get("queue").toString(),
                    t.get("exchange").toString(), keys, expiration == null ? null : expiration.toString()));
        }
        return deaths;
    }

    /** x-first-death-reason, -queue, -exchange (as strings), and any x-last-death-* header. */
    static Map<String, String> firstAndLast(GetResponse r) {
        Map<String, String> m = new LinkedHashMap<>();
        r.getProps().getHeaders().forEach((k, v) -> {
            if (k.startsWith("x-first-death-") || k.startsWith("x-last-death-")) {
                assertThat(v).as(k + " is a longstr").isInstanceOf(LongString.class);
                m.put(k, v.toString());
            }
        });
        return m;
    }

    static Map<String, String> first(String reason, String queue, String exchange) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("x-first-death-reason", reason);
        m.put("x-first-death-queue", queue);
        m.put("x-first-death-exchange", exchange);
        return m;
    }
}
