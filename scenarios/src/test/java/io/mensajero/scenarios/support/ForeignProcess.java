package io.mensajero.scenarios.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A foreign AMQP client (a pika script, a node script, an amqp-tools command) running as its own
 * process. Its stdout lines are kept as they arrive, its stderr is kept for failure messages, and
 * {@link #close()} kills it and its children whatever happened.
 */
public final class ForeignProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread outReader;
    private final Thread errReader;
    private boolean outEnded;

    private ForeignProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.outReader = daemon(name + "-out", () -> read(process.getInputStream(), false));
        this.errReader = daemon(name + "-err", () -> read(process.getErrorStream(), true));
    }

    /**
     * Runs {@code /usr/bin/python3 -u <resource> <args>} (a test resource, e.g.
     * {@code course/consumer.py}) as a student runs the course's scripts against a broker on
     * another port: the scripts connect to pika's default port, and the repository's pika shim
     * ({@code pika-shim/sitecustomize.py} on PYTHONPATH) makes that the broker's port
     * (AMQP_PORT) and gives Debian's pika 1.2 the {@code pika.DeliveryMode} of pika 1.3. Skips
     * the scenario when python3 with pika is missing.
     */
    public static ForeignProcess pika(BrokerUnderTest broker, String resource, String... args) {
        Requirements.pythonWithPika();
        List<String> command = new ArrayList<>();
        if (DefaultSignals.AVAILABLE) {
            // A background job inherits SIGINT as ignored, and Python then never raises
            // KeyboardInterrupt. Undo that, as a terminal's Ctrl-C would find it.
            command.addAll(DefaultSignals.PREFIX);
        }
        command.addAll(List.of(Requirements.PYTHON, "-u", resource(resource).toString()));
        command.addAll(List.of(args));
        return start(resource, command, Map.of("PYTHONPATH", pikaShim().toString(),
                "AMQP_PORT", Integer.toString(broker.port()), "PYTHONIOENCODING", "utf-8"));
    }

    /** The repository's {@code pika-shim} folder (beside the scenarios module). */
    public static Path pikaShim() {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        Path shim = Path.of(base).toAbsolutePath().getParent().resolve("pika-shim");
        if (!java.nio.file.Files.isRegularFile(shim.resolve("sitecustomize.py"))) {
            throw new IllegalStateException("no pika shim at " + shim);
        }
        return shim;
    }

    /** Starts the command with extra environment variables; stdin is empty. */
    public static ForeignProcess start(String name, List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            return new ForeignProcess(name, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + " (" + String.join(" ", command) + "): " + e, e);
        }
    }

    /** Waits until a stdout line matches; fails if the process ends or the time runs out first. */
    public String awaitLine(Predicate<String> wanted, String description, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (outEnded || left <= 0) {
                    throw new AssertionError(name + (outEnded ? " ended" : " timed out after " + timeout)
                            + " without printing " + description + "; " + this);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lines, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** Waits until this exact line was printed. */
    public void awaitLine(String line, Duration timeout) {
        awaitLine(line::equals, "'" + line + "'", timeout);
    }

    /** The name it was started under (the script or the command). */
    public String name() {
        return name;
    }

    /** Waits until this exact line was printed {@code count} times. */
    public void awaitLines(String line, int count, Duration timeout) {
        awaitLine(any -> lines.stream().filter(line::equals).count() >= count, count + " x '" + line + "'", timeout);
    }

    /** The stdout lines so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ctrl-C: sends SIGINT. */
    public void interrupt() {
        if (process.isAlive()) {
            run("kill", "-INT", Long.toString(process.pid()));
        }
    }

    /** What it printed on stderr so far. */
    public String stderr() {
        synchronized (lines) {
            return stderr.toString();
        }
    }

    /** Waits for the process to exit and its output to be read; returns the exit code. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running after " + timeout + "; " + this);
            }
            outReader.join(5_000);
            errReader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    /** Runs it to the end; fails unless it exits 0 in time. Returns its stdout lines. */
    public List<String> succeed(Duration timeout) {
        int exit = waitFor(timeout);
        if (exit != 0) {
            throw new AssertionError(name + " exited " + exit + "; " + this);
        }
        return lines();
    }

    /**
     * Kills the process and anything it started; what it printed before is still read (through its
     * handle: {@link Process#destroyForcibly()} would also close its stdout, dropping the lines not
     * read yet).
     */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        synchronized (lines) {
            return name + " (pid " + process.pid() + ") printed " + lines + ", stderr: [" + stderr.toString().strip() + "]";
        }
    }

    private void read(InputStream stream, boolean isErr) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    if (isErr) {
                        stderr.append(line).append('\n');
                    } else {
                        lines.add(line);
                    }
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            if (!isErr) {
                synchronized (lines) {
                    outEnded = true;
                    lines.notifyAll();
                }
            }
        }
    }

    /** Runs a short helper command; true when it exits 0 within 10 s. */
    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path resource(String name) {
        URL url = ForeignProcess.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Whether {@code env --default-signal} works here; found out once, on the first pika script. */
    private static final class DefaultSignals {
        static final List<String> PREFIX = List.of("env", "--default-signal=INT,TERM");
        static final boolean AVAILABLE = run("env", "--default-signal=INT,TERM", "true");
    }
}
