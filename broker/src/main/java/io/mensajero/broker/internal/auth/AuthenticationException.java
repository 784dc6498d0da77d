package io.mensajero.broker.internal.auth;

/**
 * Login refused. The message is for the broker's log; the client only learns that the login was
 * refused, as RabbitMQ tells it.
 */
public final class AuthenticationException extends Exception {
    private final String mechanism;

    public AuthenticationException(String mechanism, String message) {
        super(message, null, false, false);
        this.mechanism = mechanism;
    }

    public String mechanism() {
        return mechanism;
    }
}
