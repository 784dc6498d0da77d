package io.mensajero.cli.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mensajero.cli.lab.model.Lane;
import io.mensajero.cli.lab.model.Mark;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.TimelineBuilder;
import io.mensajero.cli.process.ParticipantEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds made-up runs for tests: participants' JSON events (as docs/events.md describes them),
 * fed through {@link TimelineBuilder} like the lab feeds real ones. Times are milliseconds after
 * the scenario's start.
 */
public final class Runs {
    public static final long START = 1_700_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<ParticipantEvent>> events = new LinkedHashMap<>();
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final Map<String, Integer> seqs = new HashMap<>();
    private final List<Mark> marks = new ArrayList<>();

    public Runs lane(String id, Lane.Role role) {
        return lane(new Lane(id, id, role.name().toLowerCase(), role, null));
    }

    public Runs lane(Lane lane) {
        lanes.put(lane.id(), lane);
        events.put(lane.id(), new ArrayList<>());
        return this;
    }

    /** Any event, with fields given as names and values. */
    public Runs event(String lane, long at, String type, Object... fields) {
        ObjectNode node = JSON.createObjectNode();
        node.put("event", type);
        node.put("participant", lane);
        node.put("time", START + at);
        for (int i = 0; i < fields.length; i += 2) {
            node.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        events.get(lane).add(new ParticipantEvent(node, Instant.now()));
        return this;
    }

    public Runs sent(String lane, long at, String... bodies) {
        for (String body : bodies) {
            event(lane, at, "sent", "body", body, "seq", seqs.merge(lane + "/sent", 1, Integer::sum));
        }
        return this;
    }

    public Runs sentWithId(String lane, long at, String body, String correlationId) {
        return event(lane, at, "sent", "body", body, "seq", seqs.merge(lane + "/sent", 1, Integer::sum),
                "correlationId", correlationId);
    }

    /** A delivery; returns its seq through the next calls' bookkeeping. */
    public Runs received(String lane, long at, String body, boolean redelivered) {
        return event(lane, at, "received", "body", body, "seq", seqs.merge(lane + "/received", 1, Integer::sum),
                "redelivered", redelivered);
    }

    public Runs receivedWithId(String lane, long at, String body, String correlationId, boolean redelivered) {
        return event(lane, at, "received", "body", body, "seq", seqs.merge(lane + "/received", 1, Integer::sum),
                "redelivered", redelivered, "correlationId", correlationId);
    }

    /** Receipt and ack of the same delivery. */
    public Runs worked(String lane, long at, long tookMs, String body, boolean redelivered) {
        received(lane, at, body, redelivered);
        return event(lane, at + tookMs, "acked", "body", body, "seq", seqs.get(lane + "/received"));
    }

    public Runs acked(String lane, long at, String body, int seq) {
        return event(lane, at, "acked", "body", body, "seq", seq);
    }

    public Runs mark(Mark mark) {
        marks.add(mark);
        return this;
    }

    public Timeline build(long durationMs) {
        TimelineBuilder builder = new TimelineBuilder(START);
        lanes.values().forEach(builder::lane);
        events.forEach(builder::events);
        marks.forEach(builder::mark);
        return builder.build(START + durationMs);
    }
}
