package io.mensajero.client;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.mensajero.client.internal.Failures;
import io.mensajero.client.internal.QuietExceptionHandler;

import java.net.URI;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.Locale;

/**
 * Where and how to connect: an AMQP URI as RabbitMQ's URI spec defines it,
 * {@code amqp://user:pass@host:port/vhost} (the vhost percent-encoded, {@code %2F} for "/").
 * A malformed URI is a usage error ({@link Failure#USAGE}).
 */
public final class ConnectionSettings {
    /** The course's broker: guest/guest on localhost, vhost "/". */
    public static final String DEFAULT_URI = "amqp://guest:guest@localhost:5672/%2F";

    private final String uri;
    private final String host;
    private final int port;
    private final String virtualHost;
    private final String username;
    private final boolean tls;

    private ConnectionSettings(String uri, ConnectionFactory parsed) {
        this.uri = uri;
        this.host = parsed.getHost();
        this.port = parsed.getPort();
        this.virtualHost = parsed.getVirtualHost();
        this.username = parsed.getUsername();
        this.tls = parsed.isSSL();
    }

    public static ConnectionSettings defaults() {
        return fromUri(DEFAULT_URI);
    }

    /** Parses an AMQP URI. */
    public static ConnectionSettings fromUri(String uri) {
        if (uri == null || uri.isBlank()) {
            throw MensajeroException.usage("malformed URI: it is empty (expected e.g. " + DEFAULT_URI + ")");
        }
        String shown = redact(uri);
        URI parsed;
        try {
            parsed = new URI(uri.trim());
        } catch (URISyntaxException e) {
            throw MensajeroException.usage("malformed URI '" + shown + "': " + e.getReason()
                    + " at index " + e.getIndex());
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
            throw MensajeroException.usage("malformed URI '" + shown + "': the scheme must be amqp or amqps");
        }
        if (parsed.getRawAuthority() != null && parsed.getHost() == null) {
            throw MensajeroException.usage("malformed URI '" + shown + "': cannot read a host and port from '"
                    + redact(parsed.getRawAuthority()) + "'");
        }
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(parsed);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw MensajeroException.usage("malformed URI '" + shown + "': " + e.getMessage());
        }
        return new ConnectionSettings(uri.trim(), factory);
    }

    /** A new factory for these settings: no automatic recovery, short timeouts, quiet logging. */
    public ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (URISyntaxException | GeneralSecurityException e) {
            throw new IllegalStateException("the URI was checked when the settings were made", e);
        }
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout(10_000);
        factory.setHandshakeTimeout(10_000);
        factory.setExceptionHandler(new QuietExceptionHandler());
        return factory;
    }

    /**
     * Opens a connection, named {@code connectionName} in the broker's connection list. Failures
     * come back as one-line {@link MensajeroException}s (unreachable, authentication, vhost).
     */
    public Connection connect(String connectionName) {
        try {
            return connectionFactory().newConnection(connectionName);
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw Failures.connecting(this, e);
        }
    }

    /**
     * Opens a connection whose consumers are called on {@code consumerThreads} (amqp-client's
     * consumer dispatch), named {@code connectionName}. Failures as {@link #connect(String)}.
     */
    public Connection connect(String connectionName, ExecutorService consumerThreads) {
        try {
            return connectionFactory().newConnection(consumerThreads, connectionName);
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw Failures.connecting(this, e);
        }
    }

    /**
     * A one-line {@link MensajeroException} for a request on a connection made with these settings
     * that failed ({@code what}, e.g. "declare queue 'q'"): the broker closed the channel (exit 6),
     * refused access (5), or the connection was lost (3).
     */
    public MensajeroException failure(String what, Throwable e) {
        return Failures.during(what, this, e);
    }

    /** The URI as given, with any password replaced by {@code ***}. */
    public String uri() {
        return redact(uri);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** {@code host:port}, as error messages name the broker. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public String virtualHost() {
        return virtualHost;
    }

    public String username() {
        return username;
    }

    public boolean tls() {
        return tls;
    }

    @Override
    public String toString() {
        return uri();
    }

    static String redact(String text) {
        return text.replaceAll("(//[^:/@]*):[^@/]*@", "$1:***@")
                .replaceAll("^([^:/@]*):[^@/]*@", "$1:***@");
    }
}
