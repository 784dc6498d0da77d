package io.mensajero.cli;

import io.mensajero.client.Event;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The human-readable line for each event. */
final class HumanLines {
    private HumanLines() {
    }

    static String format(Event e) {
        return switch (e.type()) {
            case CONNECTED -> "connected to " + e.string("host") + ":" + e.get("port") + ", vhost "
                    + e.string("vhost") + ", as " + e.string("user");
            case DECLARED -> e.get("exchange") != null
                    ? "declared exchange " + e.string("exchange") + " (" + e.string("exchangeType")
                    + (Boolean.TRUE.equals(e.get("durable")) ? ", durable)" : ")")
                    : "declared queue " + e.string("queue") + " (" + queueTraits(e)
                    + count(e, "messages", "message") + " ready, " + count(e, "consumers", "consumer") + ")"
                    + arguments(e.get("arguments")).replace(" and arguments", " with arguments");
            case BOUND -> "bound queue " + e.string("queue") + " to exchange " + e.string("exchange")
                    + " with binding key '" + e.string("bindingKey") + "'" + arguments(e.get("arguments"));
            case CONSUMING -> "waiting for messages on queue " + e.string("queue")
                    + (Boolean.TRUE.equals(e.get("autoAck")) ? " (auto-ack" : " (manual ack")
                    + (e.get("prefetch") == null ? ")" : ", prefetch " + prefetch(e) + ")")
                    + ". To exit press CTRL+C";
            case SENT -> "sent #" + e.get("seq") + " '" + e.string("body") + "' to " + destination(e)
                    + (Boolean.TRUE.equals(e.get("persistent")) ? " (persistent)" : "") + correlation(e);
            case RECEIVED -> received(e);
            case FORWARDED -> "forwarded #" + e.get("seq") + " '" + e.string("body") + "' to queue "
                    + e.string("forwardTo") + correlation(e);
            case ACKED -> "acked delivery tag " + e.get("deliveryTag") + " (#" + e.get("seq") + " '"
                    + e.string("body") + "') after " + seconds(e.number("afterMs"));
            case DONE -> "done with delivery tag " + e.get("deliveryTag") + " (#" + e.get("seq") + " '"
                    + e.string("body") + "') after " + seconds(e.number("afterMs")) + "; auto-ack, nothing to ack";
            case STAGE_STARTED -> "stage " + e.get("stage") + " started";
            case STAGE_COMPLETED -> "stage " + e.get("stage") + " completed (" + count(e, "sent", "message") + " sent so far)";
            case STOPPING -> "stopping (" + e.string("reason") + ")...";
            case SUMMARY -> "summary: " + summary(e);
            case ERROR -> "error: " + e.string("error");
            case READY -> "broker ready on " + e.string("host") + ":" + e.get("port");
            case STOPPED -> "broker stopped";
            case FAILED, RETRYING, REQUEUED, DEAD_LETTERED, CRASHING -> FailureLines.format(e);
        };
    }

    private static String correlation(Event e) {
        return e.get("correlationId") == null ? "" : " [correlation id " + e.string("correlationId") + "]";
    }

    private static String queueTraits(Event e) {
        return (Boolean.TRUE.equals(e.get("durable")) ? "durable, " : "")
                + (Boolean.TRUE.equals(e.get("exclusive")) ? "exclusive, " : "");
    }

    private static String prefetch(Event e) {
        return e.number("prefetch") == 0 ? "unlimited" : e.string("prefetch");
    }

    private static String destination(Event e) {
        String exchange = e.string("exchange");
        return exchange == null || exchange.isEmpty() ? "queue " + e.string("queue")
                : "exchange " + exchange + " (routing key '" + e.string("routingKey") + "')";
    }

    private static String received(Event e) {
        String line = "received #" + e.get("seq") + " '" + e.string("body") + "'" + correlation(e);
        if (e.get("workMs") != null) {
            long work = e.number("workMs") + e.number("ackDelayMs");
            return line + " (delivery tag " + e.get("deliveryTag") + ", redelivered=" + e.get("redelivered") + "); "
                    + (Boolean.TRUE.equals(e.get("autoAck")) ? "working " : "will ack in ") + seconds(work);
        }
        String exchange = e.string("exchange");
        if (exchange != null && !exchange.isEmpty()) {
            line += " from exchange " + exchange + (e.string("routingKey").isEmpty() ? "" : " (routing key '"
                    + e.string("routingKey") + "')");
        }
        line += FailureLines.deaths(e);
        return Boolean.TRUE.equals(e.get("redelivered")) ? line + " (redelivered)" : line;
    }

    private static String summary(Event e) {
        String why = "done".equals(e.string("reason")) ? "" : " (" + e.string("reason") + ")";
        if (e.get("stagesCompleted") != null) {
            return "sent " + e.get("sent") + " of " + (e.number("stages") * e.number("perStage"))
                    + " messages to queue " + e.string("queue") + ", " + e.get("stagesCompleted") + " of "
                    + e.get("stages") + " stages completed"
                    + (e.get("last") == null ? "" : ", the last one '" + e.string("last") + "'") + why;
        }
        if (e.get("sent") != null) {
            return "sent " + count(e, "sent", "message") + " to "
                    + (e.get("exchange") != null ? "exchange " + e.string("exchange") : "queue " + e.string("queue")) + why;
        }
        if (e.get("acked") != null) {
            return "received " + e.get("received") + ", acked " + e.get("acked") + ", left unacked "
                    + e.get("unacked") + " (the broker redelivers those)" + FailureLines.counts(e)
                    + " from queue " + e.string("queue") + forwarded(e) + why;
        }
        if (e.get("lost") != null) {
            return "received " + e.get("received") + ", done " + e.get("done") + ", unfinished "
                    + e.get("lost") + " (auto-ack: those are lost) from queue " + e.string("queue")
                    + forwarded(e) + why;
        }
        return "received " + count(e, "received", "message") + " from "
                + (e.get("exchange") != null ? "exchange " + e.string("exchange") + " via " : "")
                + "queue " + e.string("queue") + why;
    }

    private static String forwarded(Event e) {
        return e.get("forwarded") == null ? "" : ", forwarded " + e.get("forwarded") + " to queue " + e.string("forwardTo");
    }

    private static String arguments(Object arguments) {
        if (!(arguments instanceof Map) || ((Map<?, ?>) arguments).isEmpty()) {
            return "";
        }
        return " and arguments " + ((Map<?, ?>) arguments).entrySet().stream()
                .map(en -> en.getKey() + "=" + en.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String count(Event e, String field, String noun) {
        Object n = e.get(field);
        return n + " " + noun + (n instanceof Number && ((Number) n).longValue() == 1 ? "" : "s");
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
