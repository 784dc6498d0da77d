package io.mensajero.cli.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.File;
import java.nio.file.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A {@code mensajero} command running as its own process ({@code java -cp <this JVM's class
 * path> io.mensajero.cli.Main <args> --json}), so it can be interrupted, terminated or killed
 * like a real participant. Its JSON event lines are parsed as they arrive and kept, with their
 * arrival time; stderr is captured. The JVMs start with a shared class archive when one can be
 * made ({@link ClassDataSharing}). Close it (try-with-resources) to kill it if still alive.
 *
 * <pre>{@code
 * try (Participant worker = Participant.start("work", "--uri", uri, "--ack-delay", "5s")) {
 *     worker.awaitEvent(e -> e.is("received"), Duration.ofSeconds(10));
 *     worker.kill();
 * }
 * }</pre>
 */
public final class Participant implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Quick start-up matters more than peak speed for these short-lived JVMs. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xss512k", "-Xmx256m");
    private static volatile Boolean envResetsSignals;

    private final List<String> command;
    private final Process process;
    private final Object lock = new Object();
    private final List<ParticipantEvent> events = new ArrayList<>();
    private final List<String> otherLines = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread outReader;
    private final Thread errReader;
    private final Consumer<ParticipantEvent> onEvent;
    private final Predicate<ParticipantEvent> keep;
    private boolean outputEnded;

    private Participant(List<String> command, Consumer<ParticipantEvent> onEvent, Predicate<ParticipantEvent> keep)
            throws IOException {
        this.command = List.copyOf(command);
        this.onEvent = onEvent;
        this.keep = keep;
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        this.process = builder.start();
        String label = "participant-" + process.pid();
        this.outReader = daemon(label + "-stdout", () -> readEvents(process.getInputStream()));
        this.errReader = daemon(label + "-stderr", () -> readStderr(process.getErrorStream()));
    }

    /** Starts {@code mensajero <args> --json} in a new JVM. */
    public static Participant start(String... args) {
        return start(List.of(args));
    }

    /** Starts {@code mensajero <args> --json} in a new JVM. */
    public static Participant start(List<String> args) {
        return start(args, event -> { });
    }

    /**
     * Starts {@code mensajero <args> --json} in a new JVM; {@code onEvent} sees each event as it
     * arrives, on the participant's reader thread (keep it quick).
     */
    public static Participant start(List<String> args, Consumer<ParticipantEvent> onEvent) {
        return start(args, onEvent, event -> true);
    }

    /**
     * As {@link #start(List, Consumer)}, but only the events {@code keep} accepts are kept for
     * {@link #events()} and the awaits: a long run's bulk (sent, received, acked) can go to
     * {@code onEvent} alone instead of staying in memory.
     */
    public static Participant start(List<String> args, Consumer<ParticipantEvent> onEvent,
                                    Predicate<ParticipantEvent> keep) {
        List<String> command = new ArrayList<>();
        if (envResetsSignals()) {
            // A JVM started by a shell's background job inherits SIGINT ignored; undo that so
            // interrupt() reaches the command's handler.
            command.addAll(List.of("env", "--default-signal=INT,TERM"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ClassDataSharing.Options sharing = ClassDataSharing.options(java, JVM_OPTIONS);
        command.add(java);
        command.addAll(JVM_OPTIONS);
        command.addAll(sharing.jvmOptions());
        command.addAll(List.of("-cp", sharing.classPath(), "io.mensajero.cli.Main"));
        command.addAll(args);
        if (!args.contains("--json")) {
            command.add("--json");
        }
        try {
            return new Participant(command, onEvent, keep);
        } catch (IOException e) {
            throw new ParticipantException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public List<String> command() {
        return command;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Every event so far, in arrival order. */
    public List<ParticipantEvent> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /** The events of one type so far, e.g. {@code events("received")}. */
    public List<ParticipantEvent> events(String type) {
        return events().stream().filter(e -> e.is(type)).collect(Collectors.toList());
    }

    /** Lines on stdout that were not JSON events (there should be none). */
    public List<String> otherLines() {
        synchronized (lock) {
            return List.copyOf(otherLines);
        }
    }

    /** Everything printed on stderr so far. */
    public String stderr() {
        synchronized (lock) {
            return stderr.toString();
        }
    }

    /** The first event (already arrived or arriving within {@code timeout}) of this type. */
    public ParticipantEvent awaitEvent(String type, Duration timeout) {
        return awaitEvent(e -> e.is(type), timeout);
    }

    /**
     * The first event, among all so far and those arriving within {@code timeout}, that matches.
     *
     * @throws ParticipantException on timeout, or when the process ended without printing one
     */
    public ParticipantEvent awaitEvent(Predicate<ParticipantEvent> match, Duration timeout) {
        return awaitEvents(match, 1, timeout).get(0);
    }

    /** Waits until {@code count} events match, and returns them in arrival order. */
    public List<ParticipantEvent> awaitEvents(Predicate<ParticipantEvent> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<ParticipantEvent> found = events.stream().filter(match).limit(count).collect(Collectors.toList());
                if (found.size() >= count) {
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (outputEnded || left <= 0) {
                    throw new ParticipantException((outputEnded ? "ended" : "timed out after " + timeout)
                            + " with " + found.size() + " of " + count + " awaited events; " + describe());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ParticipantException("interrupted while waiting; " + describe(), e);
                }
            }
        }
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does. */
    public void interrupt() {
        signal("INT");
    }

    /** Sends SIGTERM. */
    public void terminate() {
        signal("TERM");
    }

    /**
     * SIGKILL: the process dies at once, without closing its connection cleanly. What it printed
     * before it died is still read: the signal goes through the process's handle, since
     * {@link Process#destroyForcibly()} also closes this side's end of its stdout, throwing away
     * the lines not read yet (a worker's last {@code acked}, printed just before its ack left: the
     * ack reached the broker, the event never reached the reader, and the chaos test counted a
     * task acked by the broker as lost).
     */
    public void kill() {
        process.toHandle().destroyForcibly();
    }

    /**
     * Waits for the process to exit and for all its output to be read (the readers end at the end
     * of its stdout and stderr, which its exit closes); returns the exit code. Both waits share
     * {@code timeout}: a slow listener on a loaded machine may take a while to go through what the
     * process printed last, and returning before it has would hide those events.
     *
     * @throws ParticipantException when it is still running, or its output is still being read, after {@code timeout}
     */
    public int waitFor(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ParticipantException("still running after " + timeout + "; " + describe());
            }
            for (Thread reader : List.of(outReader, errReader)) {
                reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (reader.isAlive()) {
                    throw new ParticipantException("exited, but its output was still being read after " + timeout
                            + "; " + describe());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParticipantException("interrupted while waiting; " + describe(), e);
        }
        return process.exitValue();
    }

    /** Kills the process if it is still alive. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.toHandle().destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The command line, the last events and stderr: for failure messages. */
    public String describe() {
        synchronized (lock) {
            int from = Math.max(0, events.size() - 8);
            return "participant " + String.join(" ", command.subList(command.indexOf("io.mensajero.cli.Main") + 1,
                    command.size())) + " (pid " + process.pid() + (process.isAlive() ? ", running" : ", exited "
                    + process.exitValue()) + "), last events " + events.subList(from, events.size())
                    + (otherLines.isEmpty() ? "" : ", other output " + otherLines)
                    + ", stderr: " + (stderr.length() == 0 ? "(empty)" : stderr.toString().trim());
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    private void signal(String name) {
        if (!process.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new ParticipantException("cannot send SIG" + name + " to " + process.pid() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readEvents(InputStream stdout) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Instant arrival = Instant.now();
                JsonNode json = parse(line);
                ParticipantEvent event = json == null ? null : new ParticipantEvent(json, arrival);
                if (event != null) {
                    try {
                        onEvent.accept(event);
                    } catch (RuntimeException e) {
                        synchronized (lock) {
                            otherLines.add("(the onEvent listener failed: " + e + ")");
                        }
                    }
                }
                synchronized (lock) {
                    if (event != null) {
                        if (keep.test(event)) {
                            events.add(event);
                        }
                    } else {
                        otherLines.add(line);
                    }
                    lock.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended; what was read is kept.
        } finally {
            synchronized (lock) {
                outputEnded = true;
                lock.notifyAll();
            }
        }
    }

    private void readStderr(InputStream err) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lock) {
                    stderr.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // The process ended; what was read is kept.
        }
    }

    private static JsonNode parse(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() && node.has("event") ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static boolean envResetsSignals() {
        Boolean known = envResetsSignals;
        if (known == null) {
            try {
                Process probe = new ProcessBuilder("env", "--default-signal=INT,TERM", "true")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                known = probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
            } catch (IOException e) {
                known = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                known = false;
            }
            envResetsSignals = known;
        }
        return known;
    }
}
