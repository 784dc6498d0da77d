package io.mensajero.scenarios.chaos;

import io.mensajero.cli.process.ParticipantEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BiPredicate;

/**
 * What every participant of a chaos run reported, counted as it arrives (the participants' reader
 * threads call it) in arrays indexed by task number, so that a run of a million tasks fits in
 * memory: how many times the publisher had each task confirmed, how many times workers acked it.
 * Task {@code n}'s body is {@code t<n>}. Every event also goes to the run's {@link Journal}, with
 * the participant it came from, so that a lost task's history can be told.
 */
final class Tally {
    /** The fields of an event worth a line in the journal (the body aside). */
    private static final List<String> DETAILS = List.of("deliveryTag", "redelivered", "attempts", "seq", "port",
            "localPort", "downMs", "reason", "reconnections", "resent", "sent", "acked", "abandoned", "code", "error");

    private final int tasks;
    private final Journal journal;
    private final AtomicIntegerArray confirmed;
    private final AtomicIntegerArray acked;
    private final AtomicIntegerArray delivered;
    private final AtomicIntegerArray sends;
    final AtomicInteger received = new AtomicInteger();
    final AtomicInteger redelivered = new AtomicInteger();
    final AtomicInteger abandoned = new AtomicInteger();
    final AtomicInteger reconnections = new AtomicInteger();
    final AtomicInteger unexpected = new AtomicInteger();

    Tally(int tasks, Journal journal) {
        this.tasks = tasks;
        this.journal = journal;
        this.confirmed = new AtomicIntegerArray(tasks + 1);
        this.acked = new AtomicIntegerArray(tasks + 1);
        this.delivered = new AtomicIntegerArray(tasks + 1);
        this.sends = new AtomicIntegerArray(tasks + 1);
    }

    static String body(int n) {
        return "t" + n;
    }

    /** The publisher's events. */
    void publisher(ParticipantEvent e) {
        record("publisher", e);
        if (e.is("sent")) {
            int n = task(e);
            if (n > 0) {
                confirmed.incrementAndGet(n);
                sends.addAndGet(n, e.has("attempts") ? (int) e.number("attempts") : 1);
            }
        } else if (e.is("reconnected")) {
            reconnections.incrementAndGet();
        }
    }

    /**
     * A worker's events; {@code holding} follows what that worker incarnation ({@code who}, e.g.
     * {@code w2.5}) holds unsettled.
     */
    void worker(ParticipantEvent e, AtomicInteger holding, String who) {
        record(who, e);
        switch (e.type()) {
            case "received" -> {
                received.incrementAndGet();
                holding.incrementAndGet();
                int n = parse(e);
                if (n > 0) {
                    delivered.incrementAndGet(n);
                }
                if (e.has("redelivered") && e.bool("redelivered")) {
                    redelivered.incrementAndGet();
                }
            }
            case "acked" -> {
                holding.decrementAndGet();
                int n = task(e);
                if (n > 0) {
                    acked.incrementAndGet(n);
                }
            }
            case "abandoned" -> {
                holding.decrementAndGet();
                abandoned.incrementAndGet();
            }
            case "reconnected" -> reconnections.incrementAndGet();
            default -> {
            }
        }
    }

    /** The event in the journal: its body (a task's) and the fields that tell what happened to it. */
    private void record(String who, ParticipantEvent e) {
        StringBuilder details = new StringBuilder();
        for (String field : DETAILS) {
            if (e.has(field)) {
                details.append(field).append('=').append(e.json().get(field).asText()).append(' ');
            }
        }
        journal.line(e.time(), who, e.type(), e.string("body"), details.toString().trim());
    }

    /** True once every confirmed task was acked at least once. */
    boolean allConfirmedAcked() {
        for (int n = 1; n <= tasks; n++) {
            if (confirmed.get(n) > 0 && acked.get(n) == 0) {
                return false;
            }
        }
        return true;
    }

    int confirmedTasks() {
        return count(confirmed, 1);
    }

    int ackedTasks() {
        return count(acked, 1);
    }

    /** Acks beyond the first, over every task. */
    int duplicates() {
        int extra = 0;
        for (int n = 1; n <= tasks; n++) {
            extra += Math.max(0, acked.get(n) - 1);
        }
        return extra;
    }

    /** Confirmed and never acked. */
    List<Integer> lost() {
        return where((confirmations, acks) -> confirmations > 0 && acks == 0);
    }

    /**
     * What the participants said of a lost task, to tell where it went: how many times the
     * publisher sent it before its confirm, how many times a worker received it.
     */
    String trace(int n) {
        return body(n) + " (sent " + sends.get(n) + " time(s) before its confirm, delivered " + delivered.get(n)
                + " time(s), acked " + acked.get(n) + ")";
    }

    /** Acked but never confirmed (the publisher was never told the broker had them). */
    List<Integer> ackedUnconfirmed() {
        return where((confirmations, acks) -> acks > 0 && confirmations == 0);
    }

    /** The tasks whose counts of confirms and acks match. */
    private List<Integer> where(BiPredicate<Integer, Integer> match) {
        List<Integer> found = new ArrayList<>();
        for (int n = 1; n <= tasks; n++) {
            if (match.test(confirmed.get(n), acked.get(n))) {
                found.add(n);
            }
        }
        return found;
    }

    /** The task number in the event's body; an unexpected body is counted. */
    private int task(ParticipantEvent e) {
        int n = parse(e);
        if (n < 0) {
            unexpected.incrementAndGet();
        }
        return n;
    }

    /** The task number in the event's body, or -1. */
    private int parse(ParticipantEvent e) {
        String body = e.string("body");
        try {
            int n = body != null && body.startsWith("t") ? Integer.parseInt(body.substring(1)) : -1;
            return n >= 1 && n <= tasks ? n : -1;
        } catch (NumberFormatException ignored) {
            return -1;
        }
    }

    private int count(AtomicIntegerArray array, int atLeast) {
        int count = 0;
        for (int n = 1; n <= tasks; n++) {
            if (array.get(n) >= atLeast) {
                count++;
            }
        }
        return count;
    }
}
