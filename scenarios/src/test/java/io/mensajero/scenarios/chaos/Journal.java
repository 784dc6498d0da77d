package io.mensajero.scenarios.chaos;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything a chaos run saw, one line each, in a file ({@code target/chaos/<broker>-<time>.journal}):
 * every participant's events (a task's body is the fourth word) and the test's own actions (a
 * worker killed or started, with its pid; a broker node killed or back). A run of a million tasks
 * writes a few million lines, so they go to disk rather than memory; the file is kept when tasks
 * were lost (with {@link #history} giving the lost tasks' lines) and deleted otherwise.
 *
 * <p>Line: {@code <seconds since the run began> <who> <event> <body or -> <details>}; {@code who} is
 * a worker's slot and incarnation ({@code w2.5}: slot w2's fifth process), {@code publisher} or
 * {@code test}.
 */
final class Journal implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private final long startMillis = System.currentTimeMillis();
    private boolean closed;

    private Journal(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    static Journal open(String broker) {
        try {
            Path dir = Path.of("target", "chaos");
            Files.createDirectories(dir);
            Path file = dir.resolve(broker + "-" + System.currentTimeMillis() + ".journal");
            return new Journal(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the chaos journal: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** One line, timed at {@code atMillis} (epoch ms: an event's own time, or now). */
    synchronized void line(long atMillis, String who, String event, String body, String details) {
        if (closed) {
            return;
        }
        try {
            out.write(String.format(Locale.ROOT, "%.3f %s %s %s %s%n", (atMillis - startMillis) / 1000.0, who, event,
                    body == null ? "-" : body, details == null ? "" : details));
        } catch (IOException e) {
            closed = true;   // a journal that cannot be written must not stop the run
        }
    }

    /** The test's own action, now. */
    void action(String what, String details) {
        action(what, null, details);
    }

    /** The test's own action on a task (e.g. killing the worker that holds it), now. */
    void action(String what, String body, String details) {
        line(System.currentTimeMillis(), "test", what, body, details);
    }

    /** Every line about these bodies (at most {@code limit}), in order. */
    synchronized List<String> history(Set<String> bodies, int limit) {
        flush();
        List<String> found = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(l -> {
                String[] words = l.split(" ", 5);
                return words.length >= 4 && bodies.contains(words[3]);
            }).limit(limit).forEach(found::add);
        } catch (IOException | UncheckedIOException e) {
            found.add("(the journal " + file + " could not be read: " + e.getMessage() + ")");
        }
        return found;
    }

    private void flush() {
        try {
            if (!closed) {
                out.flush();
            }
        } catch (IOException e) {
            closed = true;
        }
    }

    /** Closes it; {@code keep} false deletes the file (nothing was lost, nothing to look into). */
    synchronized void close(boolean keep) {
        close();
        if (!keep) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // in target/
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                // nothing more to write
            }
        }
    }
}
