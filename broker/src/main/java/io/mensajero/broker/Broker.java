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
            server.context().gauge().highWatermark(bytes);
            server.context().flushDirty();
            return null;
        });
    }

    /**
     * Sets the free disk space limit: under it, publishing connections are blocked
     * (connection.blocked, "low on disk") until there is room again. Like RabbitMQ's
     * {@code set_disk_free_limit}, it is checked at once: this returns once the alarm is raised or
     * cleared accordingly. Needs a data directory.
     *
     * @throws IllegalStateException when the broker keeps everything in memory
     */
    public void diskFreeLimit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("disk free limit must not be negative, got " + bytes);
        }
        if (server.context().store() == null) {
            throw new IllegalStateException("the broker keeps everything in memory: no disk to watch");
        }
        CompletableFuture<Void> checked = new CompletableFuture<>();
        server.call(() -> {
            server.context().diskFreeLimit(bytes, () -> checked.complete(null));
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
