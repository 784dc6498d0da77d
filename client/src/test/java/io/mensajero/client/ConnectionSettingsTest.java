package io.mensajero.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

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

    @Test
    void oneAddressDoesNotRecoverUnlessAsked() {
        ConnectionSettings one = ConnectionSettings.fromUri("amqp://guest:guest@localhost:5672/%2F");
        assertThat(one.addresses()).containsExactly("localhost:5672");
        assertThat(one.recovers()).isFalse();
        assertThat(one.withRecovery(true).recovers()).isTrue();
        assertThat(one.withRecovery(null).recovers()).isFalse();
    }

    @Test
    void aCommaListNamesSeveralBrokersThatShareTheFirstUrisUserAndVhost() {
        ConnectionSettings cluster = ConnectionSettings.fromUri(
                "amqp://ana:s3cret@node1:5721/shop,node2:5722,amqp://ana:s3cret@node3:5723/shop,node4");
        assertThat(cluster.addresses()).containsExactly("node1:5721", "node2:5722", "node3:5723", "node4:5672");
        assertThat(cluster.username()).isEqualTo("ana");
        assertThat(cluster.virtualHost()).isEqualTo("shop");
        assertThat(cluster.host()).isEqualTo("node1");
        assertThat(cluster.port()).isEqualTo(5721);
        assertThat(cluster.recovers()).isTrue();
        assertThat(cluster.withRecovery(false).recovers()).isFalse();
        assertThat(cluster.uri()).isEqualTo("amqp://ana:***@node1:5721/shop,node2:5722,node3:5723,node4:5672");
        assertThat(cluster.address()).isEqualTo("node1:5721, node2:5722, node3:5723, node4:5672");
    }

    @Test
    void repeatedUrisAreOneList() {
        ConnectionSettings cluster = ConnectionSettings.fromUris(List.of("amqp://guest:guest@localhost:5721/%2F",
                "amqp://guest:guest@localhost:5722/%2F,localhost:5723", "localhost:5721"));
        assertThat(cluster.addresses()).containsExactly("localhost:5721", "localhost:5722", "localhost:5723");
    }

    @Test
    void amqpsListsDefaultToPort5671() {
        assertThat(ConnectionSettings.fromUri("amqps://a,b:5000").addresses()).containsExactly("a:5671", "b:5000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"amqp://guest:guest@a/%2F,amqp://ana:guest@b/%2F", "amqp://guest:guest@a/%2F,amqp://guest:x@b/%2F",
            "amqp://a/%2F,amqp://b/shop", "amqp://a,amqps://b"})
    void addressesThatDisagreeOnTheirCredentialsOrVhostAreUsageErrors(String list) {
        assertThatThrownBy(() -> ConnectionSettings.fromUri(list))
                .isInstanceOfSatisfying(MensajeroException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.USAGE);
                    assertThat(e.getMessage()).contains("differ in user, password, vhost or scheme")
                            .doesNotContain("guest:guest@").doesNotContain(":x@");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"amqp://localhost,", "amqp://localhost,,b", "amqp://localhost,b:port", "amqp://localhost,u@b",
            "localhost:5672,amqp://localhost"})
    void malformedListsAreUsageErrors(String list) {
        assertThatThrownBy(() -> ConnectionSettings.fromUri(list))
                .isInstanceOfSatisfying(MensajeroException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.USAGE);
                    assertThat(e.getMessage()).startsWith("malformed").doesNotContain("\n");
                });
    }

    @Test
    void theHeartbeatIsWholeSeconds() {
        ConnectionSettings settings = ConnectionSettings.defaults();
        assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.withHeartbeat(Duration.ofSeconds(2)).heartbeat()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.withHeartbeat(Duration.ofSeconds(2)).connectionFactory().getRequestedHeartbeat()).isEqualTo(2);
        assertThatThrownBy(() -> settings.withHeartbeat(Duration.ofMillis(1500)))
                .isInstanceOfSatisfying(MensajeroException.class, e -> assertThat(e.failure()).isEqualTo(Failure.USAGE));
    }

    @Test
    void recoveryTurnsOnAmqpClientsAutomaticAndTopologyRecovery() {
        assertThat(ConnectionSettings.defaults().connectionFactory().isAutomaticRecoveryEnabled()).isFalse();
        var factory = ConnectionSettings.defaults().withRecovery(true).connectionFactory();
        assertThat(factory.isAutomaticRecoveryEnabled()).isTrue();
        assertThat(factory.isTopologyRecoveryEnabled()).isTrue();
    }
}
