package io.mensajero.client;

/**
 * A failure with a one-line, human-readable message (no stack trace needed to understand it)
 * and a {@link Failure} kind that maps to an exit code. {@link #getMessage()} is in English;
 * {@link #text()} says the same in another language ({@link Text#in(java.util.Locale)}).
 */
public class MensajeroException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Failure failure;
    private final transient Text text;

    public MensajeroException(Failure failure, String message) {
        this(failure, message, Text.literal(message), null);
    }

    public MensajeroException(Failure failure, String message, Throwable cause) {
        this(failure, message, Text.literal(message), cause);
    }

    /** A failure said by one of the client's texts. */
    public MensajeroException(Failure failure, Text text) {
        this(failure, text.toString(), text, null);
    }

    /** A failure said by one of the client's texts. */
    public MensajeroException(Failure failure, Text text, Throwable cause) {
        this(failure, text.toString(), text, cause);
    }

    /** A failure said by a text of the application's own, with its English {@code message}. */
    public MensajeroException(Failure failure, String message, Text text, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.text = text;
    }

    public Failure failure() {
        return failure;
    }

    public int exitCode() {
        return failure.exitCode();
    }

    /** The message as a {@link Text}, to say it in the user's language (a literal when it was given as a string). */
    public Text text() {
        return text == null ? Text.literal(getMessage()) : text;
    }

    /** A usage error: a bad value given by the caller. */
    public static MensajeroException usage(String message) {
        return new MensajeroException(Failure.USAGE, message);
    }

    /** A usage error said by one of the client's texts. */
    public static MensajeroException usage(Text text) {
        return new MensajeroException(Failure.USAGE, text);
    }
}
