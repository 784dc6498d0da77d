package io.mensajero.broker.internal.auth;


/**
 * A user's topic permissions on one topic exchange of a vhost: routing keys published (write) and
 * bound (read) must match. {@code {username}} and {@code {vhost}} in an expression stand for the
 * connection's user and vhost, as in RabbitMQ. Without a topic permission for the exchange, every
 * routing key is allowed.
 */
public final class TopicPermission {
    private final String user;
    private final String vhost;
    private final String exchange;
    private final String write;
    private final String read;

    private TopicPermission(String user, String vhost, String exchange, String write, String read) {
        this.user = user;
        this.vhost = vhost;
        this.exchange = exchange;
        this.write = write;
        this.read = read;
    }

    public static TopicPermission of(String user, String vhost, String exchange, String write, String read)
            throws Regex.Invalid {
        Permission.compile(write);
        Permission.compile(read);
        return new TopicPermission(user, vhost, exchange, write, read);
    }

    /** Whether a routing key may be published (write) or bound (read). */
    public boolean allows(Permission.Kind kind, String routingKey) {
        String regex = kind == Permission.Kind.WRITE ? write : read;
        String expanded = regex.replace("{username}", user).replace("{vhost}", vhost);
        try {
            return Regex.matches(Permission.compile(expanded), routingKey);
        } catch (Regex.Invalid e) {
            return false;
        }
    }

    public String user() {
        return user;
    }

    public String vhost() {
        return vhost;
    }

    public String exchange() {
        return exchange;
    }

    public String write() {
        return write;
    }

    public String read() {
        return read;
    }
}
