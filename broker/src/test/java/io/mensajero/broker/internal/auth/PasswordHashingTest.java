package io.mensajero.broker.internal.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashingTest {
    /** guest's hash as RabbitMQ 3.10.8 exported it. */
    private static final String RABBITMQ_GUEST = "+GVXPHhvXXvyEQvyUpf41/OITNUJZCFcTn4D9IIrmHE5YOty";

    @Test
    void readsRabbitMqsHashes() {
        assertThat(PasswordHashing.verify(PasswordHashing.SHA256, RABBITMQ_GUEST, "guest")).isTrue();
        assertThat(PasswordHashing.verify(PasswordHashing.SHA256, RABBITMQ_GUEST, "Guest")).isFalse();
    }

    @Test
    void saltsEveryHash() {
        String a = PasswordHashing.hash("secret");
        String b = PasswordHashing.hash("secret");
        assertThat(a).isNotEqualTo(b).doesNotContain("secret");
        assertThat(PasswordHashing.verify(PasswordHashing.SHA256, a, "secret")).isTrue();
        assertThat(PasswordHashing.verify(PasswordHashing.SHA256, b, "secret")).isTrue();
        assertThat(PasswordHashing.verify(PasswordHashing.SHA512, a, "secret")).isFalse();
    }

    @Test
    void emptyPasswordsAndHashesNeverMatch() {
        assertThat(PasswordHashing.verify(PasswordHashing.SHA256, "", "")).isFalse();
        assertThat(PasswordHashing.verify(PasswordHashing.SHA256, PasswordHashing.hash(""), "")).isFalse();
        assertThat(PasswordHashing.verify(PasswordHashing.SHA256, "not base64!", "x")).isFalse();
        assertThat(PasswordHashing.verify("rabbit_password_hashing_rot13", RABBITMQ_GUEST, "guest")).isFalse();
    }

    @Test
    void wellFormed() {
        assertThat(PasswordHashing.wellFormed("")).isTrue();
        assertThat(PasswordHashing.wellFormed(RABBITMQ_GUEST)).isTrue();
        assertThat(PasswordHashing.wellFormed("abc")).isFalse();
        assertThat(PasswordHashing.wellFormed("***")).isFalse();
    }
}
