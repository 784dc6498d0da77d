package io.mensajero.broker.internal.auth;

import java.util.regex.Pattern;

/**
 * A user's permissions in one vhost: three regular expressions, for configure, write and read,
 * matched against resource names as RabbitMQ matches them. An empty expression matches only the
 * empty name (RabbitMQ reads it as {@code ^$}).
 */
public final class Permission {
    /** The three kinds of access RabbitMQ checks. */
    public enum Kind { CONFIGURE, WRITE, READ }

    private final String user;
    private final String vhost;
    private final String configure;
    private final String write;
    private final String read;
    private final Pattern configurePattern;
    private final Pattern writePattern;
    private final Pattern readPattern;

    private Permission(String user, String vhost, String configure, String write, String read,
                       Pattern c, Pattern w, Pattern r) {
        this.user = user;
        this.vhost = vhost;
        this.configure = configure;
        this.write = write;
        this.read = read;
        this.configurePattern = c;
        this.writePattern = w;
        this.readPattern = r;
    }

    /** Compiles the three expressions; the first invalid one is reported. */
    public static Permission of(String user, String vhost, String configure, String write, String read)
            throws Regex.Invalid {
        return new Permission(user, vhost, configure, write, read,
                compile(configure), compile(write), compile(read));
    }

    /** Full permissions, {@code .*} three times, as the default user gets on the default vhost. */
    public static Permission full(String user, String vhost) {
        try {
            return of(user, vhost, ".*", ".*", ".*");
        } catch (Regex.Invalid e) {
            throw new IllegalStateException(e);
        }
    }

    static Pattern compile(String regex) throws Regex.Invalid {
        return Regex.compile(regex.isEmpty() ? "^$" : regex);
    }

    public boolean allows(Kind kind, String resourceName) {
        Pattern p = switch (kind) {
            case CONFIGURE -> configurePattern;
            case WRITE -> writePattern;
            case READ -> readPattern;
        };
        return Regex.matches(p, resourceName);
    }

    public String user() {
        return user;
    }

    public String vhost() {
        return vhost;
    }

    public String configure() {
        return configure;
    }

    public String write() {
        return write;
    }

    public String read() {
        return read;
    }
}
