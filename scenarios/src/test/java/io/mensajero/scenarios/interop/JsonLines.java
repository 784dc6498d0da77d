package io.mensajero.scenarios.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The node scripts print one JSON object per line, each with an "event" field. */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    static List<JsonNode> parse(List<String> lines) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            try {
                events.add(JSON.readTree(line));
            } catch (JsonProcessingException e) {
                throw new AssertionError("not a JSON line: '" + line + "' in " + lines, e);
            }
        }
        return events;
    }

    static List<JsonNode> all(List<JsonNode> events, String event) {
        return events.stream().filter(e -> event.equals(e.path("event").asText())).collect(Collectors.toList());
    }

    static JsonNode only(List<JsonNode> events, String event) {
        List<JsonNode> matching = all(events, event);
        assertThat(matching).as("'%s' events in %s", event, events).hasSize(1);
        return matching.get(0);
    }
}
