package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A topic exchange matches dot-separated words: {@code *} is exactly one word, {@code #} zero or
 * more, and empty words (as in {@code a..b} or {@code a.}) are words. Each binding pattern gets
 * its own queue; every routing key is published once; each queue must hold exactly the keys its
 * pattern matches.
 */
class TopicExchangeMatchesWords {
    private static final List<String> KEYS = List.of(
            "a.b", "a", "b", "a.b.b", "a.x.y.b", "", "a..b", ".", "a.", "x.a.b", ".b");

    private static final Map<String, List<String>> MATCHES = new LinkedHashMap<>();

    static {
        MATCHES.put("a.b", List.of("a.b"));
        MATCHES.put("*", List.of("a", "b"));
        MATCHES.put("*.*", List.of("a.b", ".", "a.", ".b"));
        MATCHES.put("a.*", List.of("a.b", "a."));
        MATCHES.put("*.b", List.of("a.b", ".b"));
        MATCHES.put("#", KEYS);
        MATCHES.put("#.#", KEYS);
        MATCHES.put("*.#", List.of("a.b", "a", "b", "a.b.b", "a.x.y.b", "a..b", ".", "a.", "x.a.b", ".b"));
        MATCHES.put("a.#", List.of("a.b", "a", "a.b.b", "a.x.y.b", "a..b", "a."));
        MATCHES.put("#.b", List.of("a.b", "b", "a.b.b", "a.x.y.b", "a..b", "x.a.b", ".b"));
        MATCHES.put("a.#.b", List.of("a.b", "a.b.b", "a.x.y.b", "a..b"));
        MATCHES.put("a.*.b", List.of("a.b.b", "a..b"));
        MATCHES.put("a..b", List.of("a..b"));
        MATCHES.put("", List.of(""));
    }

    @EachBroker
    void routingTable(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("topic");
            Map<String, String> queueOfPattern = new LinkedHashMap<>();
            for (String pattern : MATCHES.keySet()) {
                String q = s.queue();
                s.channel.queueBind(q, x, pattern);
                queueOfPattern.put(pattern, q);
            }
            for (String key : KEYS) {
                s.publish(x, key, null, key);
            }
            Map<String, List<String>> observed = new LinkedHashMap<>();
            for (var e : queueOfPattern.entrySet()) {
                observed.put(e.getKey(), s.getAll(e.getValue()));
            }
            assertThat(observed).isEqualTo(MATCHES);
        }
    }
}
