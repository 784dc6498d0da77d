package io.mensajero.broker.internal.store;

import io.mensajero.broker.BrokerStartException.Reason;

import java.util.List;

/** The data directory cannot be used: a one-line reason for the user, and what it names. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final transient List<String> details;

    public StoreException(Reason reason, List<String> details, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.details = List.copyOf(details);
    }

    public StoreException(String message) {
        this(Reason.OTHER, List.of(message), message, null);
    }

    /** {@code message}, said as {@code reason} with {@code details} (each shown as a string). */
    static StoreException of(Reason reason, Throwable cause, String message, Object... details) {
        return new StoreException(reason, java.util.Arrays.stream(details).map(String::valueOf).toList(), message, cause);
    }

    public Reason reason() {
        return reason;
    }

    public List<String> details() {
        return details;
    }
}
