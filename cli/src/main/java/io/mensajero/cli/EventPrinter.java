package io.mensajero.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mensajero.client.Event;
import io.mensajero.client.Text;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Prints each event as one line: human-readable in the user's language, or (with {@code --json})
 * one JSON object with {@code event}, {@code participant}, {@code time} and the event's fields,
 * the same in every language (a {@link Text} field in English). docs/events.md describes them. Thread-safe: a stop request prints from the signal's thread.
 */
public final class EventPrinter implements Consumer<Event> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final boolean json;
    private final String prefix;
    private final HumanLines lines;

    /** {@code lines}: the human lines' language and command (unused with {@code json}). */
    EventPrinter(PrintWriter out, boolean json, String explicitName, HumanLines lines) {
        this.out = out;
        this.json = json;
        this.prefix = explicitName == null ? "" : "[" + explicitName + "] ";
        this.lines = lines;
    }

    boolean json() {
        return json;
    }

    @Override
    public synchronized void accept(Event event) {
        out.println(json ? toJson(event) : prefix + lines.format(event));
        out.flush();
    }

    public static String toJson(Event event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", event.type().wireName());
        line.put("participant", event.participant());
        line.put("time", event.time());
        event.fields().forEach((name, value) -> line.put(name, value instanceof Text text ? text.toString() : value));
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event fields are plain values", e);
        }
    }
}
