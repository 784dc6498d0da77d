package io.mensajero.cli.process;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One JSON event line a {@link Participant} printed, with the moment it arrived here.
 * docs/events.md lists the events and their fields.
 */
public record ParticipantEvent(JsonNode json, Instant arrival) {

    /** The event's name: connected, declared, sent, received, acked, summary, error, ... */
    public String type() {
        return json.path("event").asText();
    }

    public boolean is(String type) {
        return type().equals(type);
    }

    /** Who printed it (--name, or the command's name). */
    public String participant() {
        return json.path("participant").asText();
    }

    /** When the participant emitted it, in epoch milliseconds. */
    public long time() {
        return json.path("time").asLong();
    }

    public boolean has(String field) {
        return json.has(field);
    }

    /** A field as text, or null when absent. */
    public String string(String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A numeric field; {@code IllegalStateException} when absent or not a number. */
    public long number(String field) {
        JsonNode node = json.get(field);
        if (node == null || !node.isNumber()) {
            throw new IllegalStateException("event has no number '" + field + "': " + json);
        }
        return node.asLong();
    }

    /** A boolean field; {@code IllegalStateException} when absent or not a boolean. */
    public boolean bool(String field) {
        JsonNode node = json.get(field);
        if (node == null || !node.isBoolean()) {
            throw new IllegalStateException("event has no boolean '" + field + "': " + json);
        }
        return node.asBoolean();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
