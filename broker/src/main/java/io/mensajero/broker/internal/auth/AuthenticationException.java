package io.mensajero.broker.internal.auth;

/**
 * Login refused. The message is for the broker's log; the client only learns that the login was
 * refused, as RabbitMQ tells it.
 */
public final class AuthenticationException extends Exception {
    private final String mechanism;
    private final boolean loopbackOnly;

    public AuthenticationException(String mechanism, String message) {
        this(mechanism, message, false);
    }

    private AuthenticationException(String mechanism, String message, boolean loopbackOnly) {
        super(message, null, false, false);
        this.mechanism = mechanism;
        this.loopbackOnly = loopbackOnly;
    }

    /** The right password, but a user of loopback_users logging in from elsewhere. */
    static AuthenticationException loopbackOnly(String mechanism, String user) {
        return new AuthenticationException(mechanism, "user '" + user + "' can only connect via localhost", true);
    }

    public boolean isLoopbackOnly() {
        return loopbackOnly;
    }

    public String mechanism() {
        return mechanism;
    }
}
