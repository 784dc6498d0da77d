package io.mensajero.scenarios.support;

import org.opentest4j.TestAbortedException;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * What a scenario needs from the machine (RabbitMQ, python3 with pika, amqp-tools, node).
 * Missing, it is skipped with a visible reason; under {@code CI=true} it fails instead,
 * because CI installs all of them.
 */
public final class Requirements {
    public static final String PYTHON = "/usr/bin/python3";

    private Requirements() {
    }

    /** Skips the scenario with the reason, or fails it under CI. */
    public static void unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true requires it, but " + reason);
        }
        System.err.println("SKIPPED: " + reason);
        throw new TestAbortedException(reason);
    }

    /** Requires {@code /usr/bin/python3} with pika importable. */
    public static void pythonWithPika() {
        if (!new File(PYTHON).canExecute() || !succeeds(PYTHON, "-c", "import pika")) {
            unavailable(PYTHON + " with pika is not installed (apt-get install -y python3-pika)");
        }
    }

    /** Requires an executable on the PATH or at an absolute path. */
    public static void command(String command, String installHint) {
        if (!succeeds("sh", "-c", "command -v " + command)) {
            unavailable(command + " is not installed (" + installHint + ")");
        }
    }

    static boolean succeeds(String... command) {
        return succeeds(20, command);
    }

    /** Runs the command and waits at most {@code seconds} for it to exit 0. */
    static boolean succeeds(long seconds, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(seconds, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
