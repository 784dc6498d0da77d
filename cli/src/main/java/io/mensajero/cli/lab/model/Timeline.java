package io.mensajero.cli.lab.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What happened in one scenario run, lane by lane: every mark is computed from the
 * participants' events, the lab's own actions (signals, kills) and its queries to the broker.
 * Times are milliseconds since the scenario started. Immutable.
 */
public final class Timeline {
    private final long durationMs;
    private final List<Lane> lanes;
    private final List<Mark> marks;

    public Timeline(long durationMs, List<Lane> lanes, List<Mark> marks) {
        this.durationMs = durationMs;
        this.lanes = List.copyOf(lanes);
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingLong(Mark::at));
        this.marks = List.copyOf(sorted);
        for (Mark mark : this.marks) {
            if (lane(mark.lane()) == null) {
                throw new IllegalArgumentException("mark on an unknown lane: " + mark);
            }
        }
    }

    public long durationMs() {
        return durationMs;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /** Every mark, in time order. */
    public List<Mark> marks() {
        return marks;
    }

    public Lane lane(String id) {
        return lanes.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
    }

    public List<Mark> marks(String lane) {
        return marks.stream().filter(m -> m.lane().equals(lane)).collect(Collectors.toList());
    }

    public List<Mark> marks(MarkKind kind) {
        return marks.stream().filter(m -> m.kind() == kind).collect(Collectors.toList());
    }

    public List<Mark> marks(String lane, MarkKind kind) {
        return marks.stream().filter(m -> m.lane().equals(lane) && m.kind() == kind).collect(Collectors.toList());
    }

    /** The bodies every sender published (confirmed), in time order. */
    public List<String> sent() {
        return bodies(marks(MarkKind.SENT));
    }

    public List<String> sent(String lane) {
        return bodies(marks(lane, MarkKind.SENT));
    }

    /** Every delivery, in the order they arrived. */
    public List<Delivery> deliveries() {
        List<Delivery> all = new ArrayList<>();
        for (Mark mark : marks) {
            if (mark.kind() == MarkKind.RECEIVED) {
                all.add(delivery(mark));
            }
        }
        return all;
    }

    public List<Delivery> deliveries(String lane) {
        return deliveries().stream().filter(d -> d.lane().equals(lane)).collect(Collectors.toList());
    }

    /** The bodies of the deliveries a lane settled (receivers: all; workers: acked or done). */
    public List<String> settled(String lane) {
        return deliveries(lane).stream().filter(Delivery::settled).map(Delivery::body).collect(Collectors.toList());
    }

    /** The correlation ids the marks carry, in the order they first appear. */
    public Set<String> correlationIds() {
        Set<String> ids = new LinkedHashSet<>();
        marks.stream().map(Mark::correlationId).filter(id -> id != null).forEach(ids::add);
        return ids;
    }

    /**
     * When the participant stopped holding anything: killed (SIGKILL), else exited, else still
     * there at the end of the run.
     */
    public long laneEnd(String lane) {
        return marks(lane, MarkKind.KILLED).stream().mapToLong(Mark::at).min()
                .orElse(marks(lane, MarkKind.EXITED).stream().mapToLong(Mark::at).max().orElse(durationMs));
    }

    /**
     * What became of a delivery its participant never settled: the broker's redelivery of the
     * same message to another participant after it, or else a loss marked for it; empty when
     * neither (it was still held when the run ended).
     */
    public java.util.Optional<Mark> fate(Delivery held) {
        if (held.settled()) {
            return java.util.Optional.empty();
        }
        java.util.Optional<Mark> redelivered = marks.stream()
                .filter(m -> m.kind() == MarkKind.RECEIVED && m.redelivered() && !m.lane().equals(held.lane())
                        && m.at() >= held.receivedAt() && m.body() != null && m.body().equals(held.body()))
                .findFirst();
        if (redelivered.isPresent()) {
            return redelivered;
        }
        return marks.stream().filter(m -> m.kind() == MarkKind.LOST && held.body().equals(m.body()))
                .min(java.util.Comparator.comparing((Mark m) -> !m.lane().equals(held.lane())).thenComparingLong(Mark::at));
    }

    /** A copy with more marks (for example the losses a verdict found). */
    public Timeline with(List<Mark> more) {
        List<Mark> all = new ArrayList<>(marks);
        all.addAll(more);
        return new Timeline(durationMs, lanes, all);
    }

    private Delivery delivery(Mark received) {
        Lane lane = lane(received.lane());
        long settledAt = lane.role() == Lane.Role.WORKER ? -1 : received.at();
        long forwardedAt = -1;
        long failedAt = -1;
        for (Mark m : marks(received.lane())) {
            if (m.value() == received.value() && m.at() >= received.at()) {
                if (m.settles() && settledAt < 0) {
                    settledAt = m.at();
                } else if (m.kind() == MarkKind.FORWARDED && forwardedAt < 0) {
                    forwardedAt = m.at();
                } else if ((m.kind() == MarkKind.RETRIED || m.kind() == MarkKind.DEAD_LETTERED) && failedAt < 0) {
                    failedAt = m.at();
                }
            }
        }
        return new Delivery(received.lane(), received.body(), received.correlationId(), received.value(),
                received.at(), received.redelivered(), settledAt, forwardedAt, failedAt);
    }

    private static List<String> bodies(List<Mark> marks) {
        return marks.stream().map(Mark::body).collect(Collectors.toList());
    }
}
