package io.mensajero.cli.lab.render;

import io.mensajero.cli.lab.Messages;
import io.mensajero.cli.lab.model.Delivery;
import io.mensajero.cli.lab.model.Lane;
import io.mensajero.cli.lab.model.Mark;
import io.mensajero.cli.lab.model.MarkKind;
import io.mensajero.cli.lab.model.Timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A lane's activity in words, in time order, e.g. "acked job 1, job 3 · received job 2 (redelivered)
 * · SIGINT at 1.6 s": what it sent, received, acked or held, the signals it got, losses.
 * Consecutive items with the same verb are grouped.
 */
final class Activity {
    private final Messages messages;

    Activity(Messages messages) {
        this.messages = messages;
    }

    /** One item: when, which verb (text.verb.* key), and what. */
    private record Item(long at, String verb, String what) {
    }

    String describe(Timeline timeline, Lane lane) {
        List<Item> items = new ArrayList<>();
        boolean killed = !timeline.marks(lane.id(), MarkKind.KILLED).isEmpty();
        List<Mark> marks = timeline.marks(lane.id());
        for (Mark mark : marks) {
            if (mark.kind() == MarkKind.LOST && lostWhereSent(marks, mark)) {
                continue;
            }
            Item item = item(timeline, lane, mark, killed);
            if (item != null) {
                items.add(item);
            }
        }
        items.sort(Comparator.comparingLong(Item::at));
        List<String> groups = new ArrayList<>();
        String verb = null;
        List<String> whats = new ArrayList<>();
        for (Item item : items) {
            if (!item.verb().equals(verb) || !groups(verb)) {
                flush(groups, verb, whats);
                verb = item.verb();
            }
            whats.add(item.what());
        }
        flush(groups, verb, whats);
        return groups.isEmpty() ? messages.get("text.nothing") : String.join(" · ", groups);
    }

    private Item item(Timeline timeline, Lane lane, Mark mark, boolean killed) {
        switch (mark.kind()) {
            case SENT:
                return new Item(mark.at(), "sent", timeline.marks(lane.id(), MarkKind.LOST).stream()
                        .anyMatch(l -> l.at() == mark.at() && l.body().equals(mark.body()))
                        ? messages.get("text.lostBody", mark.body()) : mark.body());
            case RECEIVED:
                return received(timeline, lane, mark);
            case RETRIED:
                return new Item(mark.at(), "retried", mark.body());
            case DEAD_LETTERED:
                return new Item(mark.at(), "deadLettered", messages.get("text.deadLetteredTo", mark.body(), mark.detail()));
            case LOST:
                return new Item(mark.at(), "lost", mark.body());
            case SIGNAL:
                return new Item(mark.at(), "signal", messages.get("text.at", mark.detail(), messages.seconds(mark.at())));
            case KILLED:
                return new Item(mark.at(), "signal", messages.get("text.at", "SIGKILL", messages.seconds(mark.at())));
            case EXITED:
                return mark.value() == 0 || killed ? null
                        : new Item(mark.at(), "exit", Long.toString(mark.value()));
            case FAILED:
                return new Item(mark.at(), "failed", mark.detail());
            case DEPTH:
                return new Item(mark.at(), "depth", messages.get("text.depth", mark.detail(), mark.value(),
                        messages.seconds(mark.at())));
            case CONNECTION_LOST:
                return new Item(mark.at(), "connectionLost", messages.get("text.at", mark.detail(),
                        messages.seconds(mark.at())));
            case RECONNECTED:
                return new Item(mark.at(), "reconnected", messages.get("text.reconnected", mark.detail(),
                        messages.seconds(mark.value())));
            case NODE_KILLED:
                return new Item(mark.at(), "nodeKilled", messages.get("text.at", mark.detail(),
                        messages.seconds(mark.at())));
            case NODE_RESTARTED:
                return new Item(mark.at(), "nodeRestarted", messages.get("text.reconnected", mark.detail(),
                        messages.seconds(mark.value())));
            default:
                return null;
        }
    }

    private Item received(Timeline timeline, Lane lane, Mark mark) {
        String body = mark.redelivered() ? messages.get("text.redeliveredBody", mark.body())
                : mark.detail() != null ? messages.get("text.deathsBody", mark.body(), mark.detail()) : mark.body();
        if (lane.role() != Lane.Role.WORKER) {
            return new Item(mark.at(), "received", body);
        }
        Delivery delivery = timeline.deliveries(lane.id()).stream()
                .filter(d -> d.seq() == mark.value() && d.receivedAt() == mark.at()).findFirst().orElse(null);
        if (delivery != null && delivery.failed()) {
            return new Item(mark.at(), "received", body);
        }
        boolean abandoned = timeline.marks(lane.id(), MarkKind.ABANDONED).stream()
                .anyMatch(m -> m.value() == mark.value() && m.at() >= mark.at());
        if (abandoned && (delivery == null || !delivery.settled())) {
            return new Item(mark.at(), "abandoned", body);
        }
        if (delivery == null || !delivery.settled()) {
            boolean autoAck = !timeline.marks(lane.id(), MarkKind.DONE).isEmpty() || lane.command().contains("--auto-ack");
            return new Item(mark.at(), autoAck ? "unfinished" : "held", body);
        }
        boolean done = timeline.marks(lane.id(), MarkKind.DONE).stream().anyMatch(m -> m.value() == mark.value());
        return new Item(delivery.settledAt(), delivery.forwarded() ? "forwarded" : done ? "done" : "acked", body);
    }

    /** A loss shown on the sender's lane, at the moment it sent the message: told with the sent item. */
    private static boolean lostWhereSent(List<Mark> marks, Mark lost) {
        return marks.stream().anyMatch(m -> m.kind() == MarkKind.SENT && m.at() == lost.at()
                && m.body().equals(lost.body()));
    }

    /** Verbs whose items are listed together ("sent a, b, c"). */
    private static boolean groups(String verb) {
        return verb != null && !verb.equals("signal") && !verb.equals("depth") && !verb.equals("exit")
                && !verb.equals("failed") && !verb.equals("connectionLost") && !verb.equals("reconnected")
                && !verb.equals("nodeKilled") && !verb.equals("nodeRestarted");
    }

    private void flush(List<String> groups, String verb, List<String> whats) {
        if (verb != null && !whats.isEmpty()) {
            groups.add(messages.get("text.verb." + verb, String.join(", ", whats)));
        }
        whats.clear();
    }
}
