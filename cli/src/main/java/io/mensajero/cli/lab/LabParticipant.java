package io.mensajero.cli.lab;

import io.mensajero.cli.lab.model.Lane;
import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;

import java.util.List;
import java.util.stream.Collectors;

/** A participant of a scenario: its lane, and the separate process running its command. */
public final class LabParticipant {
    private final Lane lane;
    private final Participant process;
    private volatile boolean killed;
    private volatile Integer exitCode;

    LabParticipant(Lane lane, Participant process) {
        this.lane = lane;
        this.process = process;
    }

    public String id() {
        return lane.id();
    }

    public Lane lane() {
        return lane;
    }

    public Participant process() {
        return process;
    }

    public List<ParticipantEvent> events() {
        return process.events();
    }

    public List<ParticipantEvent> events(String type) {
        return process.events(type);
    }

    /** How many events of this type it reported so far. */
    public int count(String type) {
        return process.events(type).size();
    }

    /** The bodies of its events of this type, in order. */
    public List<String> bodies(String type) {
        return events(type).stream().map(e -> e.string("body")).collect(Collectors.toList());
    }

    /**
     * Deliveries it reported but has not settled yet (a worker that has not acked, nor abandoned
     * them with a lost connection); 0 for others.
     */
    public int unsettled() {
        if (lane.role() != Lane.Role.WORKER) {
            return 0;
        }
        return count("received") - count("acked") - count("done") - count("abandoned");
    }

    /** Its summary, or null when it has not printed one (killed, failed, still running). */
    public ParticipantEvent summary() {
        List<ParticipantEvent> summaries = events("summary");
        return summaries.isEmpty() ? null : summaries.get(summaries.size() - 1);
    }

    public boolean killed() {
        return killed;
    }

    void markKilled() {
        killed = true;
    }

    /** The exit code once it exited and the lab saw it, else null. */
    public Integer exitCode() {
        return exitCode;
    }

    void exited(int code) {
        exitCode = code;
    }

    @Override
    public String toString() {
        return lane.id();
    }
}
