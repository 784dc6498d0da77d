package io.mensajero.cli.lab.model;

import java.util.Objects;

/**
 * One participant of a scenario (a process), or the broker itself for queue depths.
 *
 * @param id      unique within the scenario (the participant's --name)
 * @param label   what the reader sees (localized)
 * @param command the command line as a reader could type it, without --uri and --json
 * @param role    how its deliveries are settled
 * @param stage   for pipeline workers, the stage they work on; lanes of one stage share a column
 *                in the per-operation table (null otherwise)
 */
public record Lane(String id, String label, String command, Role role, String stage) {

    /** What kind of participant it is. */
    public enum Role {
        /** Publishes: send, task, publish, staged. */
        SENDER,
        /** Consumes with auto-ack and reports each delivery once: receive, subscribe. */
        RECEIVER,
        /** Consumes and settles each delivery later (acked, or done with auto-ack): work. */
        WORKER,
        /** The broker, as the lab's own queries see it. */
        BROKER
    }

    public Lane {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(role, "role");
        command = command == null ? "" : command;
    }

    /** The role of a participant running this mensajero command. */
    public static Role roleOf(String command) {
        return switch (command) {
            case "send", "task", "publish", "staged" -> Role.SENDER;
            case "receive", "subscribe" -> Role.RECEIVER;
            case "work" -> Role.WORKER;
            default -> throw new IllegalArgumentException("not a participant command: " + command);
        };
    }
}
