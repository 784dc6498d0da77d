package io.mensajero.cli;

import io.mensajero.client.Event;
import io.mensajero.client.EventType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hides the Nth delivery from a consuming pattern's events (see {@link FaultOptions}): its
 * {@code received} event and the {@code acked}/{@code done} that settles it are not passed on,
 * later deliveries are renumbered, and the summary's counts leave it out.
 */
final class DropNth implements Consumer<Event> {
    private final int nth;
    private final Consumer<Event> next;
    private int deliveries;
    private long droppedSeq = -1;
    private String settledAs;

    DropNth(int nth, Consumer<Event> next) {
        this.nth = nth;
        this.next = next;
    }

    @Override
    public synchronized void accept(Event event) {
        EventType type = event.type();
        if (type == EventType.RECEIVED && ++deliveries == nth) {
            droppedSeq = event.number("seq");
            return;
        }
        if (droppedSeq > 0 && (type == EventType.ACKED || type == EventType.DONE) && event.number("seq") == droppedSeq) {
            settledAs = type == EventType.ACKED ? "acked" : "done";
            return;
        }
        if (type == EventType.SUMMARY && droppedSeq > 0) {
            next.accept(withFields(event, summaryWithout(event)));
            return;
        }
        if (droppedSeq > 0 && event.get("seq") instanceof Number && event.number("seq") > droppedSeq) {
            Map<String, Object> fields = new LinkedHashMap<>(event.fields());
            fields.put("seq", event.number("seq") - 1);
            next.accept(withFields(event, fields));
            return;
        }
        next.accept(event);
    }

    private Map<String, Object> summaryWithout(Event summary) {
        Map<String, Object> fields = new LinkedHashMap<>(summary.fields());
        decrement(fields, "received");
        if (settledAs != null) {
            decrement(fields, settledAs);
        } else {
            decrement(fields, fields.containsKey("unacked") ? "unacked" : "lost");
        }
        return fields;
    }

    private static void decrement(Map<String, Object> fields, String name) {
        if (fields.get(name) instanceof Number) {
            fields.put(name, ((Number) fields.get(name)).longValue() - 1);
        }
    }

    private static Event withFields(Event event, Map<String, Object> fields) {
        return new Event(event.type(), event.participant(), event.time(), fields);
    }
}
