package io.mensajero.broker.internal.auth;

import java.util.Set;

/** A broker user: name, password and tags (administrator, management, ...), as in RabbitMQ. */
public record User(String name, String password, Set<String> tags, boolean loopbackOnly) {
    public User {
        tags = Set.copyOf(tags);
    }
}
