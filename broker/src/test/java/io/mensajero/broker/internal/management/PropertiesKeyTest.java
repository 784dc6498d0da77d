package io.mensajero.broker.internal.management;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PropertiesKeyTest {

    @Test
    void quotesRoutingKeysAsRabbitMq() {
        assertThat(PropertiesKey.of("a b/c~d", Map.of())).isEqualTo("a+b%2Fc%7Ed");
        assertThat(PropertiesKey.of("a.b-c_d*e~f", Map.of())).isEqualTo("a.b-c_d%2Ae%7Ef");
        assertThat(PropertiesKey.of("", Map.of())).isEqualTo("~");
        assertThat(PropertiesKey.of("rk", null)).isEqualTo("rk");
    }

    @Test
    void argumentsAddAStableHash() {
        String a = PropertiesKey.of("z", Map.of("a", "b"));
        assertThat(a).startsWith("z~").hasSize(8);
        assertThat(PropertiesKey.of("z", Map.of("a", "b"))).isEqualTo(a);
        assertThat(PropertiesKey.of("z", Map.of("a", "c"))).isNotEqualTo(a);
    }
}
