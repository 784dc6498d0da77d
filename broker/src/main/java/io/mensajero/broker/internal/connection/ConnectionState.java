package io.mensajero.broker.internal.connection;

import java.util.Locale;

/** RabbitMQ's connection states; a mistake is answered differently in each. */
enum ConnectionState {
    /** connection.start sent, start-ok awaited. */
    STARTING,
    /** connection.tune sent, tune-ok awaited. */
    TUNING,
    /** tune-ok in, connection.open awaited. */
    OPENING,
    RUNNING,
    /** connection.close sent, close-ok awaited. */
    CLOSING,
    CLOSED;

    /** How RabbitMQ's error texts name the state: "running", "opening". */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isHandshake() {
        return this == STARTING || this == TUNING || this == OPENING;
    }

    /** Before tune-ok is in, RabbitMQ answers mistakes by hanging up without a word. */
    boolean isSilent() {
        return this == STARTING || this == TUNING;
    }
}
