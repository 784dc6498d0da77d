package io.mensajero.broker.internal.auth;

import io.mensajero.broker.internal.AmqpException;

/**
 * The permission checks of one channel (or one management request), as RabbitMQ makes them:
 * configure, write or read on a queue or exchange by name (the default exchange is matched as
 * {@code amq.default}), and topic permissions on routing keys.
 * A refusal is 403 ACCESS_REFUSED with RabbitMQ's text. Like RabbitMQ's channel, it remembers the
 * last 12 checks that passed, so a permission taken away applies to resources the channel has not
 * used yet, and fully on new channels.
 */
public final class ResourceAccess {
    private static final int CACHE_SIZE = 12;

    private record Check(Permission.Kind permission, String kind, String name) {
    }

    private final AccessControl control;
    private final String user;
    private final String vhost;
    private final Check[] cache = new Check[CACHE_SIZE];
    private int next;

    public ResourceAccess(AccessControl control, String user, String vhost) {
        this.control = control;
        this.user = user;
        this.vhost = vhost;
    }

    public void configure(String kind, String name) {
        check(Permission.Kind.CONFIGURE, kind, name);
    }

    public void write(String kind, String name) {
        check(Permission.Kind.WRITE, kind, name);
    }

    public void read(String kind, String name) {
        check(Permission.Kind.READ, kind, name);
    }

    /** Throws 403 unless the user has the permission on the resource (kind "queue" or "exchange"). */
    public void check(Permission.Kind permission, String kind, String name) {
        for (Check c : cache) {
            if (c != null && c.permission() == permission && c.kind().equals(kind) && c.name().equals(name)) {
                return;
            }
        }
        Permission p = control.model().permission(user, vhost);
        String matched = "exchange".equals(kind) ? exchangeName(name) : name;
        if (p == null || !p.allows(permission, matched)) {
            throw AmqpException.accessRefused("access to %s refused for user '%s'", describe(kind, name), user);
        }
        cache[next] = new Check(permission, kind, name);
        next = (next + 1) % CACHE_SIZE;
    }

    /**
     * Topic permissions: a routing key published to (write) or bound on (read) a topic exchange
     * must match the user's topic permission for that exchange, if it has one.
     */
    public void checkTopic(Permission.Kind permission, String exchange, String routingKey) {
        TopicPermission p = control.model().topicPermission(user, vhost, exchange);
        if (p != null && !p.allows(permission, routingKey)) {
            throw AmqpException.accessRefused("access to topic '%s' in exchange '%s' in vhost '%s' refused for user '%s'",
                    routingKey, exchangeName(exchange), vhost, user);
        }
    }

    /** RabbitMQ's way of naming a resource in these texts; the default exchange is 'amq.default'. */
    private String describe(String kind, String name) {
        return kind + " '" + ("exchange".equals(kind) ? exchangeName(name) : name) + "' in vhost '" + vhost + "'";
    }

    private static String exchangeName(String name) {
        return name.isEmpty() ? "amq.default" : name;
    }

    public String user() {
        return user;
    }

    @Override
    public String toString() {
        return "ResourceAccess[" + user + "@" + vhost + "]";
    }
}
