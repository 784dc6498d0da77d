package io.mensajero.broker.internal.auth;

import java.util.List;

/** A virtual host's metadata, as RabbitMQ's API shows it: description, tags, default queue type, tracing. */
public record VhostInfo(String name, String description, List<String> tags, String defaultQueueType,
                        boolean tracing) {
    public VhostInfo {
        tags = List.copyOf(tags);
        description = description == null ? "" : description;
    }

    public static VhostInfo named(String name) {
        return new VhostInfo(name, "", List.of(), null, false);
    }
}
