package io.mensajero.cli;

import io.mensajero.cli.lab.Messages;
import io.mensajero.client.Event;
import io.mensajero.client.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The human-readable line for each event, in the language of {@code messages} (the {@code cmd.*}
 * texts of the same bundles as the lab). Numbers that name things (ports, delivery tags, message
 * numbers) are passed as text, so they are never grouped ("5,672"); counts choose singular or
 * plural. The staged producer prints the course's own lines ("Iniciando etapa 1").
 */
final class HumanLines {
    private final Messages messages;
    private final String command;
    private final FailureLines failures;

    /** {@code command}: the command printing, e.g. "staged" (some of its lines are the course's). */
    HumanLines(Messages messages, String command) {
        this.messages = messages;
        this.command = command;
        this.failures = new FailureLines(messages);
    }

    String format(Event e) {
        return switch (e.type()) {
            case CONNECTED -> get("cmd.connected", e.string("host"), text(e, "port"), e.string("vhost"), e.string("user"));
            case CONNECTION_LOST -> get("cmd.connectionLost", e.string("host"), text(e, "port"), said(e.get("reason")));
            case RECONNECTED -> get("cmd.reconnected", e.string("host"), text(e, "port"), seconds(e.number("downMs")),
                    text(e, "reconnections"));
            case DECLARED -> e.get("exchange") != null
                    ? get(Boolean.TRUE.equals(e.get("durable")) ? "cmd.declared.exchange.durable" : "cmd.declared.exchange",
                            e.string("exchange"), e.string("exchangeType"))
                    : get("cmd.declared.queue", e.string("queue"), queueTraits(e), count(e, "messages"),
                            count(e, "consumers")) + withArguments(e.get("arguments"));
            case BOUND -> arguments(e.get("arguments")).isEmpty()
                    ? get("cmd.bound", e.string("queue"), e.string("exchange"), e.string("bindingKey"))
                    : get("cmd.bound.arguments", e.string("queue"), e.string("exchange"), e.string("bindingKey"),
                            arguments(e.get("arguments")));
            case CONSUMING -> get("cmd.consuming", e.string("queue"), consumingMode(e));
            case SENT -> join(get("cmd.sent", text(e, "seq"), e.string("body"), destination(e)),
                    Boolean.TRUE.equals(e.get("persistent")) ? get("cmd.persistent") : null, correlation(e),
                    e.get("attempts") == null ? null : get("cmd.sent.attempts", text(e, "attempts")));
            case RECEIVED -> received(e);
            case FORWARDED -> join(get("cmd.forwarded", text(e, "seq"), e.string("body"), e.string("forwardTo")),
                    correlation(e));
            case ACKED -> get("cmd.acked", text(e, "deliveryTag"), text(e, "seq"), e.string("body"),
                    seconds(e.number("afterMs")));
            case DONE -> get("cmd.done", text(e, "deliveryTag"), text(e, "seq"), e.string("body"),
                    seconds(e.number("afterMs")));
            case ABANDONED -> get("cmd.abandoned", text(e, "deliveryTag"), text(e, "seq"), e.string("body"));
            case STAGE_STARTED -> get("cmd.stage.started", text(e, "stage"));
            case STAGE_COMPLETED -> get("cmd.stage.completed", text(e, "stage"));
            case STOPPING -> "staged".equals(command) ? get("cmd.stopping.staged") : get("cmd.stopping", reason(e.string("reason")));
            case SUMMARY -> get("cmd.summary", summary(e));
            case ERROR -> get("cmd.error", e.string("error"));
            case READY -> get("cmd.ready", e.string("host"), text(e, "port"));
            case STOPPED -> get("cmd.stopped");
            case FAILED, RETRYING, REQUEUED, DEAD_LETTERED, CRASHING -> failures.format(e);
        };
    }

    private String get(String key, Object... args) {
        return messages.get(key, args);
    }

    /** A field that is a {@link Text} in this language; another value as it is. */
    private String said(Object value) {
        return value instanceof Text t ? messages.text(t) : String.valueOf(value);
    }

    /** The parts that are there, separated by a space. */
    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isEmpty()) {
                present.add(part);
            }
        }
        return String.join(" ", present);
    }

    private String correlation(Event e) {
        return e.get("correlationId") == null ? null : get("cmd.correlation", e.string("correlationId"));
    }

    private String queueTraits(Event e) {
        StringBuilder traits = new StringBuilder();
        if (e.get("queueType") != null) {
            traits.append(e.string("queueType")).append(", ");
        }
        if (Boolean.TRUE.equals(e.get("durable"))) {
            traits.append(get("cmd.trait.durable")).append(", ");
        }
        if (Boolean.TRUE.equals(e.get("exclusive"))) {
            traits.append(get("cmd.trait.exclusive")).append(", ");
        }
        return traits.toString();
    }

    private String consumingMode(Event e) {
        String mode = get(Boolean.TRUE.equals(e.get("autoAck")) ? "cmd.consuming.auto" : "cmd.consuming.manual");
        if (e.get("prefetch") == null) {
            return mode;
        }
        String prefetch = e.number("prefetch") == 0 ? get("cmd.consuming.unlimited") : text(e, "prefetch");
        return get("cmd.consuming.prefetch", mode, prefetch);
    }

    private String destination(Event e) {
        String exchange = e.string("exchange");
        return exchange == null || exchange.isEmpty() ? get("cmd.to.queue", e.string("queue"))
                : get("cmd.to.exchange", exchange, e.string("routingKey"));
    }

    private String received(Event e) {
        String line = join(get("cmd.received", text(e, "seq"), e.string("body")), correlation(e));
        if (e.get("workMs") != null) {
            long work = e.number("workMs") + e.number("ackDelayMs");
            return join(line, get(Boolean.TRUE.equals(e.get("autoAck")) ? "cmd.received.work.auto" : "cmd.received.work",
                    text(e, "deliveryTag"), text(e, "redelivered"), seconds(work)));
        }
        String exchange = e.string("exchange");
        if (exchange != null && !exchange.isEmpty()) {
            String key = e.string("routingKey");
            line = join(line, key == null || key.isEmpty() ? get("cmd.received.from", exchange)
                    : get("cmd.received.from.key", exchange, key));
        }
        line += failures.deaths(e);
        return Boolean.TRUE.equals(e.get("redelivered")) ? join(line, get("cmd.received.redelivered")) : line;
    }

    private String summary(Event e) {
        String why = join("done".equals(e.string("reason")) || e.string("reason") == null ? null
                : get("cmd.summary.why", reason(e.string("reason"))), recovery(e));
        if (e.get("stagesCompleted") != null) {
            String line = get("cmd.summary.staged", text(e, "sent"),
                    String.valueOf(e.number("stages") * e.number("perStage")), e.string("queue"),
                    text(e, "stagesCompleted"), text(e, "stages"));
            if (e.get("last") != null) {
                line += ", " + get("cmd.summary.last", e.string("last"));
            }
            return join(line, why);
        }
        if (e.get("sent") != null) {
            String to = e.get("exchange") != null ? get("cmd.to.exchange.only", e.string("exchange"))
                    : get("cmd.to.queue", e.string("queue"));
            return join(get("cmd.summary.sent", count(e, "sent"), to), why);
        }
        String forwarded = e.get("forwarded") == null ? ""
                : ", " + get("cmd.summary.forwarded", text(e, "forwarded"), e.string("forwardTo"));
        if (e.get("acked") != null) {
            return join(get("cmd.summary.acked", text(e, "received"), text(e, "acked"), text(e, "unacked"),
                    e.string("queue")) + failures.counts(e) + forwarded, why);
        }
        if (e.get("lost") != null) {
            return join(get("cmd.summary.lost", text(e, "received"), text(e, "done"), text(e, "lost"),
                    e.string("queue")) + forwarded, why);
        }
        return join(e.get("exchange") != null
                ? get("cmd.summary.subscribed", count(e, "received"), e.string("exchange"), e.string("queue"))
                : get("cmd.summary.received", count(e, "received"), e.string("queue")), why);
    }

    /** Why it stopped: count, idle-timeout, ... said in the language when the bundles have it (SIGINT as it is). */
    private String reason(String reason) {
        return reason != null && messages.has("cmd.reason." + reason) ? get("cmd.reason." + reason) : reason;
    }

    /** A declared queue's arguments, when it has any: " with arguments {x-max-length=10}", in the bundle's language. */
    private String withArguments(Object arguments) {
        String shown = arguments(arguments);
        return shown.isEmpty() ? "" : " " + get("cmd.declared.queue.arguments", shown);
    }

    /** With recovery: how many reconnections, messages sent again, deliveries abandoned. */
    private String recovery(Event e) {
        if (e.get("reconnections") == null) {
            return null;
        }
        return get("cmd.summary.recovery", text(e, "reconnections"), count(e, "resent"), count(e, "abandoned"));
    }

    private static String arguments(Object arguments) {
        if (!(arguments instanceof Map) || ((Map<?, ?>) arguments).isEmpty()) {
            return "";
        }
        return ((Map<?, ?>) arguments).entrySet().stream()
                .map(en -> en.getKey() + "=" + en.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }

    /** A field as text ("" when absent), so that MessageFormat does not group its digits. */
    private static String text(Event e, String field) {
        Object value = e.get(field);
        return value == null ? "" : String.valueOf(value);
    }

    /** A count for a choice pattern (0 when absent). */
    private static long count(Event e, String field) {
        Object value = e.get(field);
        return value instanceof Number ? ((Number) value).longValue() : 0;
    }

    String seconds(long millis) {
        return String.format(messages.locale(), "%.1fs", millis / 1000.0);
    }
}
