package io.mensajero.broker;

/** The broker could not start; the message is one line fit for a user. */
public final class BrokerStartException extends RuntimeException {
    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
