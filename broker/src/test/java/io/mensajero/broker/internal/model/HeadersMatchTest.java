package io.mensajero.broker.internal.model;

import io.mensajero.protocol.LongString;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HeadersMatchTest {

    private static Map<String, Object> table(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void allNeedsEveryArgumentAndIgnoresXArguments() {
        Map<String, Object> pattern = table("x-match", LongString.of("all"), "a", 1, "b", LongString.of("v"),
                "x-ignored", 5);
        assertThat(HeadersExchange.matches(pattern, table("a", 1L, "b", "v"))).isTrue();
        assertThat(HeadersExchange.matches(pattern, table("a", 1, "b", LongString.of("w")))).isFalse();
        assertThat(HeadersExchange.matches(pattern, table("a", 1))).isFalse();
    }

    @Test
    void anyNeedsOneArgument() {
        Map<String, Object> pattern = table("x-match", LongString.of("any"), "a", 1, "b", 2);
        assertThat(HeadersExchange.matches(pattern, table("b", 2))).isTrue();
        assertThat(HeadersExchange.matches(pattern, table("b", 3))).isFalse();
        assertThat(HeadersExchange.matches(pattern, Map.of())).isFalse();
    }

    @Test
    void emptyPatternMatchesEverythingWithAllAndNothingWithAny() {
        assertThat(HeadersExchange.matches(Map.of(), Map.of())).isTrue();
        assertThat(HeadersExchange.matches(table("x-match", LongString.of("any")), table("a", 1))).isFalse();
    }

    @Test
    void voidArgumentAsksOnlyForPresence() {
        Map<String, Object> pattern = table("a", null);
        assertThat(HeadersExchange.matches(pattern, table("a", "anything"))).isTrue();
        assertThat(HeadersExchange.matches(pattern, table("b", "anything"))).isFalse();
    }

    @Test
    void withXVariantsCompareXArguments() {
        Map<String, Object> pattern = table("x-match", LongString.of("all-with-x"), "x-k", 1);
        assertThat(HeadersExchange.matches(pattern, table("x-k", 1))).isTrue();
        assertThat(HeadersExchange.matches(pattern, table("x-k", 2))).isFalse();
    }
}
