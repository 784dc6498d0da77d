package io.mensajero.cli;

import io.mensajero.client.Event;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Human-readable lines for a worker's failed deliveries and a message's dead-letter history. */
final class FailureLines {
    private FailureLines() {
    }

    static String format(Event e) {
        String what = "#" + e.get("seq") + " '" + e.string("body") + "'";
        return switch (e.type()) {
            case FAILED -> "failed " + what + attempt(e) + ": " + cause(e.string("cause"));
            case RETRYING -> "sent " + what + " round retry queue " + e.string("retryQueue") + " (back in "
                    + e.get("retryDelayMs") + " ms" + (e.get("attempt") instanceof Number n
                    ? " for attempt " + (n.longValue() + 1) : "") + ")";
            case REQUEUED -> "gave " + what + " back to queue " + e.string("queue") + " (nack, requeue)";
            case DEAD_LETTERED -> "gave up on " + what + " after " + e.get("attempt") + " attempts: the broker moves it"
                    + " to dead-letter queue " + e.string("deadLetterQueue") + " (" + e.string("reason") + ")";
            case CRASHING -> "crashing on " + what + " (exit " + io.mensajero.client.Worker.CRASH_EXIT_CODE + ")";
            default -> e.type().wireName();
        };
    }

    private static String attempt(Event e) {
        return e.get("attempt") == null ? "" : " (attempt " + e.get("attempt") + " of " + e.get("maxAttempts") + ")";
    }

    private static String cause(String cause) {
        if (cause == null) {
            return "the work failed";
        }
        return switch (cause) {
            case "fail-on" -> "its body matches --fail-on";
            case "fail-rate" -> "--fail-rate";
            case "redelivered" -> "redelivered, so the worker before died holding it";
            default -> cause;
        };
    }

    /** ", failed N, dead-lettered M" for a worker's summary, when it simulated failures. */
    static String counts(Event e) {
        String s = e.get("failed") == null ? "" : ", failed " + e.get("failed");
        return e.get("deadLettered") == null ? s : s + ", dead-lettered " + e.get("deadLettered");
    }

    /** " (dead-lettered: queue reason ×count, ...)" for a received message with an x-death history. */
    static String deaths(Event e) {
        if (!(e.get("deaths") instanceof List<?> deaths) || deaths.isEmpty()) {
            return "";
        }
        return deaths.stream().map(d -> (Map<?, ?>) d)
                .map(d -> d.get("queue") + " " + d.get("reason") + " ×" + d.get("count"))
                .collect(Collectors.joining(", ", " (x-death: ", ")"));
    }
}
