package io.mensajero.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a pattern reports to its listener: a type, the participant that reported it, the
 * time (epoch milliseconds) and named fields such as {@code queue}, {@code body} or
 * {@code deliveryTag}. Field values are strings, numbers, booleans or maps of those, or a
 * {@link Text} (a reason said to a person: {@link #string} and JSON give it in English, a human
 * line in the user's language).
 */
public record Event(EventType type, String participant, long time, Map<String, Object> fields) {

    public Event {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(participant, "participant");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** An event stamped now, with fields given as alternating names and values. */
    public static Event of(EventType type, String participant, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Event(type, participant, System.currentTimeMillis(), fields);
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public String string(String field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }

    public long number(String field) {
        Object value = fields.get(field);
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException("field " + field + " is not a number: " + value);
        }
        return ((Number) value).longValue();
    }

    public boolean is(EventType other) {
        return type == other;
    }
}
