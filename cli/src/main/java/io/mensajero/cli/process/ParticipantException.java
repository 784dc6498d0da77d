package io.mensajero.cli.process;

/** A participant process did not do what was awaited (in time, or before it exited). */
public class ParticipantException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ParticipantException(String message) {
        super(message);
    }

    public ParticipantException(String message, Throwable cause) {
        super(message, cause);
    }
}
