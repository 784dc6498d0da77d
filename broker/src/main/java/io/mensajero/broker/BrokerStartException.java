package io.mensajero.broker;

import java.util.List;

/**
 * The broker could not start; the message is one line fit for a user, in English. {@link #reason()}
 * and {@link #details()} say the same for an application that speaks another language: what went
 * wrong, and the values the line names (a host, a port, a directory, the operating system's words).
 */
public final class BrokerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kept the broker from starting; each one's details are listed in its order. */
    public enum Reason {
        /** host, port. */
        NO_SUCH_HOST,
        /** port, host. */
        PORT_IN_USE,
        /** host, port, the operating system's words. */
        CANNOT_LISTEN,
        /** directory, the operating system's words. */
        DATA_DIR_CANNOT_CREATE,
        /** directory. */
        DATA_DIR_NOT_WRITABLE,
        /** directory, the operating system's words. */
        DATA_DIR_NOT_WRITABLE_BECAUSE,
        /** directory, its lock file. */
        DATA_DIR_IN_USE,
        /** directory, the error. */
        DATA_DIR_UNREADABLE,
        /** a queue's log file, the error. */
        DATA_DIR_UNRECOVERABLE,
        /** a file. */
        TLS_UNREADABLE,
        /** certificate, key, the error. */
        TLS_UNUSABLE,
        /** the message itself. */
        OTHER
    }

    private final Reason reason;
    private final transient List<String> details;

    public BrokerStartException(String message, Throwable cause) {
        this(Reason.OTHER, List.of(String.valueOf(message)), message, cause);
    }

    public BrokerStartException(Reason reason, List<String> details, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.details = List.copyOf(details);
    }

    public Reason reason() {
        return reason;
    }

    /** The values the message names, in the order {@link #reason()} lists. */
    public List<String> details() {
        return details;
    }
}
