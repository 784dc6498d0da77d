package io.mensajero.client;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.mensajero.client.internal.Failures;
import io.mensajero.client.internal.QuietExceptionHandler;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Where and how to connect: an AMQP URI as RabbitMQ's URI spec defines it,
 * {@code amqp://user:pass@host:port/vhost} (the vhost percent-encoded, {@code %2F} for "/"), or
 * several brokers (the nodes of a cluster) as a comma-separated list, like amqp-client's address
 * list: {@code amqp://guest:guest@node1:5672/%2F,node2:5672,node3}. Every address shares the first
 * URI's user, password, vhost and scheme; an item may be a whole URI (then it must agree with the
 * first) or just {@code host[:port]}. A connection goes to the first of the addresses, in random
 * order, that answers.
 *
 * <p><b>Recovery.</b> With several addresses, or when asked ({@link #withRecovery(Boolean)}), a
 * lost connection is recovered: amqp-client reconnects (to any of the addresses) and redeclares
 * what the connection declared, and the patterns resend unconfirmed messages and report
 * {@code connection-lost} and {@code reconnected}. Without it a lost connection ends the run.
 *
 * <p>A malformed URI is a usage error ({@link Failure#USAGE}).
 */
public final class ConnectionSettings {
    /** The course's broker: guest/guest on localhost, vhost "/". */
    public static final String DEFAULT_URI = "amqp://guest:guest@localhost:5672/%2F";
    /** The heartbeat timeout asked for when none is given: amqp-client's default. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(ConnectionFactory.DEFAULT_HEARTBEAT);

    private final String uri;
    private final List<Address> addresses;
    private final String virtualHost;
    private final String username;
    private final boolean tls;
    private final Boolean recovery;
    private final Duration heartbeat;

    private ConnectionSettings(String uri, List<Address> addresses, ConnectionFactory parsed) {
        this.uri = uri;
        this.addresses = List.copyOf(addresses);
        this.virtualHost = parsed.getVirtualHost();
        this.username = parsed.getUsername();
        this.tls = parsed.isSSL();
        this.recovery = null;
        this.heartbeat = null;
    }

    private ConnectionSettings(ConnectionSettings from, Boolean recovery, Duration heartbeat) {
        this(from, from.addresses, recovery, heartbeat);
    }

    private ConnectionSettings(ConnectionSettings from, List<Address> addresses, Boolean recovery, Duration heartbeat) {
        this.uri = from.uri;
        this.addresses = addresses;
        this.virtualHost = from.virtualHost;
        this.username = from.username;
        this.tls = from.tls;
        this.recovery = recovery;
        this.heartbeat = heartbeat;
    }

    public static ConnectionSettings defaults() {
        return fromUri(DEFAULT_URI);
    }

    /** Parses an AMQP URI, or a comma-separated list of addresses (see the class comment). */
    public static ConnectionSettings fromUri(String uri) {
        return fromUris(List.of(uri == null ? "" : uri));
    }

    /**
     * Several addresses, each item an AMQP URI or a comma-separated list (as {@code --uri} given
     * more than once). The first item must be a whole URI.
     */
    public static ConnectionSettings fromUris(List<String> uris) {
        List<String> items = new ArrayList<>();
        for (String uri : uris) {
            for (String item : (uri == null ? "" : uri).split(",", -1)) {
                items.add(item.trim());
            }
        }
        if (items.isEmpty() || items.get(0).isEmpty()) {
            throw MensajeroException.usage(Text.of("error.uri.empty", DEFAULT_URI));
        }
        String first = items.get(0);
        ConnectionFactory base = parse(first);
        List<Address> addresses = new ArrayList<>();
        for (String item : items) {
            if (item.isEmpty()) {
                throw MensajeroException.usage(Text.of("error.uri.emptyAddress", redact(String.join(",", items))));
            }
            Address address = item.contains("://") ? sameAs(base, first, item) : hostAndPort(base, item);
            if (!addresses.contains(address)) {
                addresses.add(address);
            }
        }
        return new ConnectionSettings(first, addresses, base);
    }

    /**
     * The same settings with recovery on ({@code true}), off ({@code false}), or, with
     * {@code null}, on exactly when there are several addresses (the default).
     */
    public ConnectionSettings withRecovery(Boolean recovery) {
        return new ConnectionSettings(this, recovery, heartbeat);
    }

    /** The same settings asking the broker for this heartbeat timeout (whole seconds; 0 turns heartbeats off). */
    public ConnectionSettings withHeartbeat(Duration heartbeat) {
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (heartbeat.isNegative() || heartbeat.toSeconds() > 65_535 || heartbeat.toMillis() % 1000 != 0) {
            throw MensajeroException.usage(Text.of("error.heartbeat", heartbeat.toMillis()));
        }
        return new ConnectionSettings(this, recovery, heartbeat);
    }

    /** The same settings with only this address ({@code host:port}, e.g. one node of a cluster). */
    public ConnectionSettings only(String address) {
        ConnectionFactory base = parse(uri);
        return new ConnectionSettings(this, List.of(hostAndPort(base, address)), recovery, heartbeat);
    }

    /** Whether a lost connection is recovered: asked for, or several addresses. */
    public boolean recovers() {
        return recovery != null ? recovery : addresses.size() > 1;
    }

    /** The heartbeat timeout asked for. */
    public Duration heartbeat() {
        return heartbeat == null ? DEFAULT_HEARTBEAT : heartbeat;
    }

    /** A new factory for these settings: recovery as {@link #recovers()} says, short timeouts, quiet logging. */
    public ConnectionFactory connectionFactory() {
        return connectionFactory(new QuietExceptionHandler());
    }

    private ConnectionFactory connectionFactory(QuietExceptionHandler exceptionHandler) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (URISyntaxException | GeneralSecurityException e) {
            throw new IllegalStateException("the URI was checked when the settings were made", e);
        }
        boolean recovers = recovers();
        factory.setAutomaticRecoveryEnabled(recovers);
        factory.setTopologyRecoveryEnabled(recovers);
        factory.setRecoveryDelayHandler(attempt -> attempt == 0 ? 100 : Math.min(2_000, 250L * attempt));
        factory.setRequestedHeartbeat((int) heartbeat().toSeconds());
        factory.setConnectionTimeout(10_000);
        factory.setHandshakeTimeout(10_000);
        factory.setExceptionHandler(exceptionHandler);
        return factory;
    }

    /**
     * Opens a connection to the first address that answers, named {@code connectionName} in the
     * broker's connection list. Failures come back as one-line {@link MensajeroException}s
     * (unreachable, authentication, vhost).
     */
    public Connection connect(String connectionName) {
        return connect(connectionName, new QuietExceptionHandler());
    }

    Connection connect(String connectionName, QuietExceptionHandler exceptionHandler) {
        try {
            return connectionFactory(exceptionHandler).newConnection(addresses, connectionName);
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw Failures.connecting(this, e);
        }
    }

    /**
     * Opens a connection as {@link #connect(String)} does, whose consumers are called on
     * {@code consumerThreads} (amqp-client's consumer dispatch).
     */
    public Connection connect(String connectionName, ExecutorService consumerThreads) {
        try {
            return connectionFactory().newConnection(consumerThreads, addresses, connectionName);
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

    /** As {@link #failure(String, Throwable)}, with the request said by a client text ({@code op.*}). */
    public MensajeroException failure(Text what, Throwable e) {
        return Failures.during(what, this, e);
    }

    /**
     * The host, as given, of the address a connection went to ({@code connected} reports it):
     * the one with that port (and, if several have it, that address); else the IP address.
     */
    String hostOf(InetAddress address, int port) {
        List<Address> withPort = addresses.stream().filter(a -> a.getPort() == port).collect(Collectors.toList());
        if (withPort.size() == 1) {
            return withPort.get(0).getHost();
        }
        for (Address candidate : withPort) {
            try {
                if (Arrays.asList(InetAddress.getAllByName(candidate.getHost())).contains(address)) {
                    return candidate.getHost();
                }
            } catch (UnknownHostException e) {
                // not this one
            }
        }
        return address.getHostAddress();
    }

    /** The (first) URI as given, with any password replaced by {@code ***}; then the other addresses. */
    public String uri() {
        return addresses.size() == 1 ? redact(uri)
                : redact(uri) + "," + addresses.stream().skip(1).map(ConnectionSettings::show)
                .collect(Collectors.joining(","));
    }

    /** The first address's host. */
    public String host() {
        return addresses.get(0).getHost();
    }

    /** The first address's port. */
    public int port() {
        return addresses.get(0).getPort();
    }

    /** Every address, {@code host:port}, in the order given. */
    public List<String> addresses() {
        return addresses.stream().map(ConnectionSettings::show).collect(Collectors.toList());
    }

    /** {@code host:port}, as error messages name the broker; with several, each of them, comma-separated. */
    public String address() {
        return String.join(", ", addresses());
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

    static String show(Address address) {
        String host = address.getHost();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    static String redact(String text) {
        return text.replaceAll("(//[^:/@]*):[^@/]*@", "$1:***@")
                .replaceAll("^([^:/@]*):[^@/]*@", "$1:***@");
    }

    private static ConnectionFactory parse(String uri) {
        String shown = redact(uri);
        URI parsed;
        try {
            parsed = new URI(uri.trim());
        } catch (URISyntaxException e) {
            throw MensajeroException.usage(Text.of("error.uri.syntax", shown, Text.literal(e.getReason()), e.getIndex()));
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
            throw MensajeroException.usage(Text.of("error.uri.scheme", shown));
        }
        if (parsed.getRawAuthority() != null && parsed.getHost() == null) {
            throw MensajeroException.usage(Text.of("error.uri.hostAndPort", shown, redact(parsed.getRawAuthority())));
        }
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(parsed);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw MensajeroException.usage(Text.of("error.uri.other", shown, Text.literal(e.getMessage())));
        }
        return factory;
    }

    /** A whole URI in a list: it must agree with the first on everything but host and port. */
    private static Address sameAs(ConnectionFactory base, String first, String item) {
        ConnectionFactory other = parse(item);
        if (!other.getUsername().equals(base.getUsername()) || !other.getPassword().equals(base.getPassword())
                || !other.getVirtualHost().equals(base.getVirtualHost()) || other.isSSL() != base.isSSL()) {
            throw MensajeroException.usage(Text.of("error.uri.addressesDiffer", redact(first), redact(item)));
        }
        return new Address(other.getHost(), other.getPort());
    }

    /** {@code host[:port]} in a list: the first URI's scheme gives the default port (5672, or 5671 for amqps). */
    private static Address hostAndPort(ConnectionFactory base, String item) {
        Address parsed;
        try {
            parsed = Address.parseAddress(item);
            new URI("amqp://" + item);
        } catch (RuntimeException | URISyntaxException e) {
            throw MensajeroException.usage(Text.of("error.uri.address", redact(item)));
        }
        if (parsed.getHost().isEmpty() || parsed.getHost().contains("@") || parsed.getHost().contains("/")) {
            throw MensajeroException.usage(Text.of("error.uri.address", redact(item)));
        }
        int port = parsed.getPort() != -1 ? parsed.getPort()
                : base.isSSL() ? ConnectionFactory.DEFAULT_AMQP_OVER_SSL_PORT : ConnectionFactory.DEFAULT_AMQP_PORT;
        return new Address(parsed.getHost(), port);
    }
}
