package io.mensajero.cli.lab;

import io.mensajero.cli.Errors;
import io.mensajero.client.MensajeroException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How the lab kills a node of the cluster it runs on, and starts it again: a command the user
 * names ({@code --node-hook}), run as {@code COMMAND kill HOST:PORT} and
 * {@code COMMAND restart HOST:PORT}, which must exit 0 once the node is dead, or runs again.
 * {@code bench/rabbitmq-cluster} is such a command for the local cluster (kill -9 of the node's
 * Erlang VM; rabbitmq-server for the restart).
 */
public final class NodeHook {
    static final String ENV = "MENSAJERO_NODE_HOOK";
    static final String LOCAL_CLUSTER = "bench/rabbitmq-cluster";
    private static final Duration KILL = Duration.ofSeconds(60);
    private static final Duration RESTART = Duration.ofMinutes(5);

    private final String command;

    private NodeHook(String command) {
        this.command = command;
    }

    /**
     * The hook given, else {@code $MENSAJERO_NODE_HOOK}, else {@code bench/rabbitmq-cluster} when
     * it is in the working directory; null when there is none.
     */
    static NodeHook find(String given, Map<String, String> environment, Path workingDirectory) {
        if (given != null) {
            return new NodeHook(given);
        }
        String fromEnvironment = environment.get(ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new NodeHook(fromEnvironment);
        }
        Path local = workingDirectory.resolve(LOCAL_CLUSTER);
        return Files.isExecutable(local) ? new NodeHook(local.toString()) : null;
    }

    String command() {
        return command;
    }

    /** Kills the node at {@code address} (host:port); a one-line error when the hook fails. */
    void kill(String address) {
        run("kill", address, KILL);
    }

    /** Starts the node at {@code address} again and returns when it runs. */
    void restart(String address) {
        run("restart", address, RESTART);
    }

    private void run(String action, String address, Duration timeout) {
        List<String> line = new ArrayList<>(List.of("sh", "-c", command + " \"$@\"", "node-hook", action, address));
        try {
            Path output = Files.createTempFile("mensajero-node-hook", ".out");
            try {
                Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    process.destroyForcibly();
                }
                if (!finished || process.exitValue() != 0) {
                    String said = Files.readString(output, StandardCharsets.UTF_8).trim().replaceAll("\\s*\\n\\s*", " / ");
                    throw new ScenarioIncomplete("'" + command + " " + action + " " + address + "' "
                            + (finished ? "exited " + process.exitValue() : "did not finish in " + timeout.toSeconds() + " s")
                            + (said.isEmpty() ? "" : ": " + said));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new ScenarioIncomplete("cannot run '" + command + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioIncomplete("interrupted", e);
        }
    }

    /** The usage error when a scenario needs a hook and there is none. */
    static MensajeroException missing(String scenario) {
        return Errors.usage("cmd.error.lab.nodeHook", scenario, LOCAL_CLUSTER);
    }
}
