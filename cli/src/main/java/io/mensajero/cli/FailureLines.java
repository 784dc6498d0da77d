package io.mensajero.cli;

import io.mensajero.cli.lab.Messages;
import io.mensajero.client.Event;
import io.mensajero.client.Worker;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Human-readable lines for a worker's failed deliveries and a message's dead-letter history, in
 * the language of {@code messages} ({@code cmd.failed}, {@code cmd.retrying}, ... in the bundles).
 * Queue names, the broker's dead-letter reasons and option names are shown as they are.
 */
final class FailureLines {
    private final Messages messages;

    FailureLines(Messages messages) {
        this.messages = messages;
    }

    String format(Event e) {
        String seq = text(e, "seq");
        String body = e.string("body");
        return switch (e.type()) {
            case FAILED -> e.get("attempt") == null
                    ? messages.get("cmd.failed", seq, body, cause(e.string("cause")))
                    : messages.get("cmd.failed.attempt", seq, body, cause(e.string("cause")), text(e, "attempt"),
                            text(e, "maxAttempts"));
            case RETRYING -> e.get("attempt") instanceof Number n
                    ? messages.get("cmd.retrying.attempt", seq, body, e.string("retryQueue"), text(e, "retryDelayMs"),
                            String.valueOf(n.longValue() + 1))
                    : messages.get("cmd.retrying", seq, body, e.string("retryQueue"), text(e, "retryDelayMs"));
            case REQUEUED -> messages.get("cmd.requeued", seq, body, e.string("queue"));
            case DEAD_LETTERED -> messages.get("cmd.deadLettered", seq, body, text(e, "attempt"),
                    e.string("deadLetterQueue"), e.string("reason"));
            case CRASHING -> messages.get("cmd.crashing", seq, body, String.valueOf(Worker.CRASH_EXIT_CODE));
            default -> e.type().wireName();
        };
    }

    /** Why the work failed: the --fail-on match, the --fail-rate draw, a redelivery; another cause as it is. */
    private String cause(String cause) {
        if (cause == null) {
            return messages.get("cmd.failed.cause.none");
        }
        String key = "cmd.failed.cause." + cause;
        return messages.has(key) ? messages.get(key) : cause;
    }

    /** ", failed N, dead-lettered M" for a worker's summary, when it simulated failures. */
    String counts(Event e) {
        String s = e.get("failed") == null ? "" : messages.get("cmd.summary.failed", text(e, "failed"));
        return e.get("deadLettered") == null ? s : s + messages.get("cmd.summary.deadLettered", text(e, "deadLettered"));
    }

    /** " (x-death: queue reason ×count, ...)" for a received message with an x-death history. */
    String deaths(Event e) {
        if (!(e.get("deaths") instanceof List<?> deaths) || deaths.isEmpty()) {
            return "";
        }
        return " " + messages.get("cmd.deaths", deaths.stream().map(d -> (Map<?, ?>) d)
                .map(d -> messages.get("cmd.death", String.valueOf(d.get("queue")), String.valueOf(d.get("reason")),
                        String.valueOf(d.get("count"))))
                .collect(Collectors.joining(", ")));
    }

    /** A field as text ("" when absent), so that MessageFormat does not group its digits. */
    private static String text(Event e, String field) {
        Object value = e.get(field);
        return value == null ? "" : String.valueOf(value);
    }
}
