package io.mensajero.cli.lab;

/** A scenario could not finish: something it waited for did not happen in time. */
public final class ScenarioIncomplete extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioIncomplete(String message) {
        super(message);
    }

    public ScenarioIncomplete(String message, Throwable cause) {
        super(message, cause);
    }
}
