package io.mensajero.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionSettingsTest {

    @Test
    void theDefaultIsTheCourseBroker() {
        ConnectionSettings settings = ConnectionSettings.defaults();
        assertThat(settings.host()).isEqualTo("localhost");
        assertThat(settings.port()).isEqualTo(5672);
        assertThat(settings.virtualHost()).isEqualTo("/");
        assertThat(settings.username()).isEqualTo("guest");
        assertThat(settings.tls()).isFalse();
    }

    @Test
    void readsEveryPartOfAnAmqpUri() {
        ConnectionSettings settings = ConnectionSettings.fromUri("amqp://ana:s3cret@broker.example:5673/shop%2Feu");
        assertThat(settings.host()).isEqualTo("broker.example");
        assertThat(settings.port()).isEqualTo(5673);
        assertThat(settings.virtualHost()).isEqualTo("shop/eu");
        assertThat(settings.username()).isEqualTo("ana");
        assertThat(settings.address()).isEqualTo("broker.example:5673");
    }

    @Test
    void neverShowsThePassword() {
        ConnectionSettings settings = ConnectionSettings.fromUri("amqp://ana:s3cret@localhost:5672/%2F");
        assertThat(settings.uri()).isEqualTo("amqp://ana:***@localhost:5672/%2F");
        assertThatThrownBy(() -> ConnectionSettings.fromUri("amqp://ana:s3cret@localhost:port/"))
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void amqpsDefaultsToPort5671() {
        assertThat(ConnectionSettings.fromUri("amqps://localhost").port()).isEqualTo(5671);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost:5672", "http://localhost/", "amqp://guest:guest@localhost:notaport/",
            "amqp://localhost/a/b", "amqp://gu est@localhost", "amqp://"})
    void malformedUrisAreUsageErrors(String uri) {
        assertThatThrownBy(() -> ConnectionSettings.fromUri(uri))
                .isInstanceOfSatisfying(MensajeroException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.USAGE);
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("malformed URI").doesNotContain("\n");
                });
    }
}
