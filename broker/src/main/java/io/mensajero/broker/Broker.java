package io.mensajero.broker;

import io.mensajero.broker.internal.transport.AmqpServer;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * An embedded AMQP 0-9-1 broker that behaves like RabbitMQ.
 *
 * <pre>{@code
 * try (Broker broker = Broker.start(BrokerConfig.builder().port(0).build())) {
 *     int port = broker.port();
 *     ...
 * }
 * }</pre>
 */
public final class Broker implements AutoCloseable {
    private final AmqpServer server;

    private Broker(AmqpServer server) {
        this.server = server;
    }

    /**
     * Starts a broker and returns once it accepts connections.
     *
     * @throws BrokerStartException when it cannot listen, for example because the port is taken
     */
    public static Broker start(BrokerConfig config) {
        return new Broker(AmqpServer.start(config));
    }

    /** The port it listens on (the real one when the config asked for port 0). */
    public int port() {
        return server.address().getPort();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    /** The amqps port, or -1 when TLS is not configured. */
    public int tlsPort() {
        return server.tlsAddress() == null ? -1 : server.tlsAddress().getPort();
    }

    /** The management API's port, or -1 when it is off. */
    public int managementPort() {
        return server.managementAddress() == null ? -1 : server.managementAddress().getPort();
    }

    /**
     * Sets the memory high watermark: above it, publishing connections are blocked
     * (connection.blocked) until memory use falls back under it. Like RabbitMQ's
     * {@code set_vm_memory_high_watermark}, it takes effect at once.
     */
    public void memoryHighWatermark(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("memory high watermark must be positive, got " + bytes);
        }
        server.call(() -> {
            server.context().alarms().memoryLimit(bytes);
            server.context().flushDirty();
            return null;
        });
    }

    /**
     * Sets the free disk space limit: under it, publishing connections are blocked
     * (connection.blocked, "low on disk") until there is room again. Like RabbitMQ's
     * {@code set_disk_free_limit}, it is checked at once: this returns once the alarm is raised or
     * cleared accordingly. A broker that keeps everything in memory takes the limit (the management
     * API shows it) but has no disk to fill, so its disk alarm never goes on.
     */
    public void diskFreeLimit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("disk free limit must not be negative, got " + bytes);
        }
        CompletableFuture<Void> checked = new CompletableFuture<>();
        server.call(() -> {
            server.context().alarms().diskFreeLimit(bytes, () -> checked.complete(null));
            return null;
        });
        checked.join();
    }

    /** Closes every connection (320 CONNECTION_FORCED) and stops listening. Idempotent. */
    @Override
    public void close() {
        server.close();
    }
}
