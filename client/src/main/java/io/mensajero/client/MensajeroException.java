package io.mensajero.client;

/**
 * A failure with a one-line, human-readable message (no stack trace needed to understand it)
 * and a {@link Failure} kind that maps to an exit code.
 */
public class MensajeroException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Failure failure;

    public MensajeroException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public MensajeroException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }

    public int exitCode() {
        return failure.exitCode();
    }

    /** A usage error: a bad value given by the caller. */
    public static MensajeroException usage(String message) {
        return new MensajeroException(Failure.USAGE, message);
    }
}
