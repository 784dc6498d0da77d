package io.mensajero.scenarios.course;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.Requirements;

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
import java.util.concurrent.TimeUnit;

/**
 * One of the course's Python scripts (test resources under {@code course/}) running under
 * {@code /usr/bin/python3 -u} with pika, against the broker's port (AMQP_PORT). Its stdout lines
 * are kept as they arrive.
 */
final class CourseScript implements AutoCloseable {
    private final String script;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread outReader;
    private final Thread errReader;
    private boolean ended;

    private CourseScript(String script, Process process) {
        this.script = script;
        this.process = process;
        this.outReader = daemon(() -> read(process.getInputStream(), false));
        this.errReader = daemon(() -> read(process.getErrorStream(), true));
    }

    /** Starts {@code course/<script>}; skips the scenario when python3 with pika is missing. */
    static CourseScript start(BrokerUnderTest broker, String script) {
        Requirements.pythonWithPika();
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/env").canExecute() && succeeds("env", "--default-signal=INT,TERM", "true")) {
            // Under a background shell job SIGINT is inherited as ignored; Python then never
            // raises KeyboardInterrupt. Undo that, as a terminal's Ctrl-C would find it.
            command.addAll(List.of("env", "--default-signal=INT,TERM"));
        }
        command.addAll(List.of(Requirements.PYTHON, "-u", path(script).toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AMQP_PORT", Integer.toString(broker.port()));
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            return new CourseScript(script, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + script + ": " + e, e);
        }
    }

    /** Waits until the script printed this exact line. */
    void awaitLine(String line, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (!lines.contains(line)) {
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new AssertionError(script + (ended ? " ended" : " timed out") + " without printing '"
                            + line + "'; " + this);
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

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Ctrl-C. */
    void interrupt() {
        if (process.isAlive()) {
            succeeds("kill", "-INT", Long.toString(process.pid()));
        }
    }

    int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(script + " still running after " + timeout + "; " + this);
            }
            outReader.join(5_000);
            errReader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        synchronized (lines) {
            return script + " (pid " + process.pid() + ") printed " + lines + ", stderr: " + stderr;
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
            // ended
        } finally {
            if (!isErr) {
                synchronized (lines) {
                    ended = true;
                    lines.notifyAll();
                }
            }
        }
    }

    private static Path path(String script) {
        URL url = CourseScript.class.getResource("/course/" + script);
        if (url == null) {
            throw new IllegalStateException("no test resource course/" + script);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body, "course-script");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
