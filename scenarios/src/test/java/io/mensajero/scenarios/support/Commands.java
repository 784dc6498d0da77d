package io.mensajero.scenarios.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command of this machine (a bench script, iptables) and returns what it printed. */
public final class Commands {
    private Commands() {
    }

    /** What a finished command did. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs it with stdout and stderr together; exit code -1 when it did not finish in time. */
    public static Result run(Duration timeout, String... command) {
        try {
            Path output = Files.createTempFile("mensajero-command", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                    return new Result(-1, Files.readString(output, StandardCharsets.UTF_8)
                            + "\n(still running after " + timeout + ": killed)");
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return new Result(-1, "cannot run " + String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** Runs it and fails the scenario (with what it printed) unless it exits 0. */
    public static String check(Duration timeout, String... command) {
        Result result = run(timeout, command);
        if (!result.ok()) {
            throw new AssertionError(String.join(" ", command) + " exited " + result.exitCode() + ": "
                    + result.output().trim());
        }
        return result.output();
    }

    /** True when this process runs as root (the cluster and iptables need it). */
    public static boolean root() {
        Result id = run(Duration.ofSeconds(10), "id", "-u");
        return id.ok() && id.output().trim().equals("0");
    }

    /** A file of the repository (this checkout), found from the working directory upwards. */
    public static Path repositoryFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate) && Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("bench"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find " + relative + " above " + Path.of("").toAbsolutePath());
    }

    static List<String> lines(String output) {
        return output.lines().toList();
    }
}
