package io.mensajero.cli.lab.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.cli.process.ParticipantEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Timeline} from what participants reported (their JSON events, see
 * docs/events.md) and what the lab did and saw. Times are epoch milliseconds here and become
 * offsets from {@code startMs}. Thread-safe.
 */
public final class TimelineBuilder {
    private final long startMs;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final List<Mark> marks = new ArrayList<>();

    public TimelineBuilder(long startMs) {
        this.startMs = startMs;
    }

    public synchronized TimelineBuilder lane(Lane lane) {
        if (lanes.putIfAbsent(lane.id(), lane) != null) {
            throw new IllegalArgumentException("two lanes named " + lane.id());
        }
        return this;
    }

    public synchronized boolean hasLane(String id) {
        return lanes.containsKey(id);
    }

    /** A mark at an epoch time. */
    public synchronized TimelineBuilder mark(String lane, long epochMs, MarkKind kind) {
        marks.add(Mark.of(lane, offset(epochMs), kind));
        return this;
    }

    /** A mark whose time is already an offset. */
    public synchronized TimelineBuilder mark(Mark mark) {
        marks.add(mark);
        return this;
    }

    public long offset(long epochMs) {
        return Math.max(0, epochMs - startMs);
    }

    /** Adds the marks one participant's events stand for (events other than these are left out). */
    public synchronized TimelineBuilder events(String lane, List<ParticipantEvent> events) {
        for (ParticipantEvent e : events) {
            Mark mark = toMark(lane, e);
            if (mark != null) {
                marks.add(mark);
            }
        }
        return this;
    }

    private Mark toMark(String lane, ParticipantEvent e) {
        long at = offset(e.time());
        String body = e.string("body");
        String correlationId = e.string("correlationId");
        long seq = e.has("seq") ? e.number("seq") : 0;
        switch (e.type()) {
            case "connected":
                return Mark.of(lane, at, MarkKind.STARTED);
            case "sent":
                return Mark.message(lane, at, MarkKind.SENT, body, correlationId, seq);
            case "received":
                return e.has("deaths") ? Mark.deadLetter(lane, at, body, correlationId, seq, deaths(e))
                        : Mark.received(lane, at, body, correlationId, seq, e.has("redelivered") && e.bool("redelivered"));
            case "retrying", "requeued":
                return new Mark(lane, at, MarkKind.RETRIED, body, correlationId, false, seq,
                        e.has("retryQueue") ? e.string("retryQueue") : e.string("queue"));
            case "dead-lettered":
                return new Mark(lane, at, MarkKind.DEAD_LETTERED, body, correlationId, false, seq,
                        e.string("deadLetterQueue"));
            case "forwarded":
                return Mark.message(lane, at, MarkKind.FORWARDED, body, correlationId, seq);
            case "acked":
                return Mark.message(lane, at, MarkKind.ACKED, body, correlationId, seq);
            case "done":
                return Mark.message(lane, at, MarkKind.DONE, body, correlationId, seq);
            case "error":
                return Mark.failed(lane, at, e.string("error"));
            case "connection-lost":
                return Mark.address(lane, at, MarkKind.CONNECTION_LOST, e.string("host") + ":" + e.string("port"), 0);
            case "reconnected":
                return Mark.address(lane, at, MarkKind.RECONNECTED, e.string("host") + ":" + e.string("port"),
                        e.has("downMs") ? e.number("downMs") : 0);
            case "abandoned":
                return Mark.message(lane, at, MarkKind.ABANDONED, body, correlationId, seq);
            default:
                return null;
        }
    }

    public synchronized Timeline build(long endEpochMs) {
        return new Timeline(offset(endEpochMs), new ArrayList<>(lanes.values()), marks);
    }

    /** A received message's x-death history as "queue reason ×count, ...", newest death first as RabbitMQ lists it. */
    private static String deaths(ParticipantEvent e) {
        List<String> deaths = new ArrayList<>();
        for (JsonNode death : e.json().get("deaths")) {
            deaths.add(death.path("queue").asText() + " " + death.path("reason").asText() + " ×"
                    + death.path("count").asLong());
        }
        return String.join(", ", deaths);
    }
}
