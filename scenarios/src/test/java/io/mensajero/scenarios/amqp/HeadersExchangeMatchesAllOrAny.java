package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A headers exchange matches message headers against binding arguments: {@code x-match=all}
 * (the default) needs every argument, {@code any} one of them; values must be equal in type and
 * value; binding arguments whose names start with {@code x-} take no part in matching.
 */
class HeadersExchangeMatchesAllOrAny {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @EachBroker
    void routingTable(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("headers");
            Map<String, Map<String, Object>> bindings = new LinkedHashMap<>();
            bindings.put("all", map("x-match", "all", "a", "1", "b", "2"));
            bindings.put("any", map("x-match", "any", "a", "1", "b", "2"));
            bindings.put("default", map("a", "1", "b", "2"));
            bindings.put("all+x-arg", map("x-match", "all", "a", "1", "x-extra", "z"));
            bindings.put("any+only-x-arg", map("x-match", "any", "x-extra", "z"));
            bindings.put("all-of-nothing", map("x-match", "all"));
            Map<String, String> queues = new LinkedHashMap<>();
            for (var b : bindings.entrySet()) {
                String q = s.queue();
                s.channel.queueBind(q, x, "", b.getValue());
                queues.put(b.getKey(), q);
            }
            s.publishWithHeaders(x, map("a", "1", "b", "2"), "a1b2");
            s.publishWithHeaders(x, map("a", "1"), "a1");
            s.publishWithHeaders(x, map("b", "2", "c", "3"), "b2c3");
            s.publishWithHeaders(x, null, "none");
            s.publishWithHeaders(x, map("a", "1", "b", "2", "x-extra", "z"), "a1b2x");
            s.publishWithHeaders(x, map("a", "2"), "a2");
            s.publishWithHeaders(x, map("a", 1), "a-int-1");
            s.publishWithHeaders(x, map("x-extra", "z"), "x-only");

            Map<String, List<String>> observed = new LinkedHashMap<>();
            for (var q : queues.entrySet()) {
                observed.put(q.getKey(), s.getAll(q.getValue()));
            }
            Map<String, List<String>> expected = new LinkedHashMap<>();
            expected.put("all", List.of("a1b2", "a1b2x"));
            expected.put("any", List.of("a1b2", "a1", "b2c3", "a1b2x"));
            expected.put("default", List.of("a1b2", "a1b2x"));
            expected.put("all+x-arg", List.of("a1b2", "a1", "a1b2x"));
            expected.put("any+only-x-arg", List.of());
            expected.put("all-of-nothing", List.of("a1b2", "a1", "b2c3", "none", "a1b2x", "a2", "a-int-1", "x-only"));
            assertThat(observed).isEqualTo(expected);
        }
    }
}
