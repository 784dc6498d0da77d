package io.mensajero.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of an embedded {@link Broker}. Immutable; build one with {@link #builder()}.
 *
 * <p>Defaults follow RabbitMQ's: port 5672 on loopback, frame-max 131072, channel-max 2047,
 * heartbeat 60 s, disk free limit 50 MB. Without a data directory (the default here) the broker
 * keeps everything in memory.
 */
public final class BrokerConfig {
    public static final int DEFAULT_PORT = 5672;
    /** RabbitMQ's default disk_free_limit. */
    public static final long DEFAULT_DISK_FREE_LIMIT = 50_000_000L;

    private final String bindAddress;
    private final int port;
    private final int frameMax;
    private final int channelMax;
    private final int heartbeatSeconds;
    private final long memoryHighWatermarkBytes;
    private final Path dataDir;
    private final long diskFreeLimitBytes;

    private BrokerConfig(Builder b) {
        this.dataDir = b.dataDir;
        this.diskFreeLimitBytes = b.diskFreeLimitBytes;
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.frameMax = b.frameMax;
        this.channelMax = b.channelMax;
        this.heartbeatSeconds = b.heartbeatSeconds;
        this.memoryHighWatermarkBytes = b.memoryHighWatermarkBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults, listening on loopback port 5672. */
    public static BrokerConfig defaults() {
        return builder().build();
    }

    public String bindAddress() { return bindAddress; }

    /** The TCP port; 0 means any free port (read it back with {@link Broker#port()}). */
    public int port() { return port; }

    public int frameMax() { return frameMax; }

    public int channelMax() { return channelMax; }

    public int heartbeatSeconds() { return heartbeatSeconds; }

    /**
     * The memory limit: heap taken by messages (bodies, properties and their objects) above which
     * publishers are blocked; past half of it, queues page messages out to the data directory.
     */
    public long memoryHighWatermarkBytes() { return memoryHighWatermarkBytes; }

    /** Where durable definitions and messages are kept; null keeps everything in memory. */
    public Path dataDir() { return dataDir; }

    /** Free disk space under which publishers are blocked (RabbitMQ's disk_free_limit). */
    public long diskFreeLimitBytes() { return diskFreeLimitBytes; }

    public Builder toBuilder() {
        return new Builder()
                .bindAddress(bindAddress)
                .port(port)
                .frameMax(frameMax)
                .channelMax(channelMax)
                .heartbeatSeconds(heartbeatSeconds)
                .memoryHighWatermarkBytes(memoryHighWatermarkBytes)
                .dataDir(dataDir)
                .diskFreeLimitBytes(diskFreeLimitBytes);
    }

    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private int frameMax = 131_072;
        private int channelMax = 2047;
        private int heartbeatSeconds = 60;
        private long memoryHighWatermarkBytes = Runtime.getRuntime().maxMemory() / 5 * 2;
        private Path dataDir;
        private long diskFreeLimitBytes = DEFAULT_DISK_FREE_LIMIT;

        private Builder() {
        }

        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        public Builder frameMax(int frameMax) {
            if (frameMax < 4096) {
                throw new IllegalArgumentException("frame-max must be at least 4096, got " + frameMax);
            }
            this.frameMax = frameMax;
            return this;
        }

        public Builder channelMax(int channelMax) {
            if (channelMax < 1 || channelMax > 65_535) {
                throw new IllegalArgumentException("channel-max must be between 1 and 65535, got " + channelMax);
            }
            this.channelMax = channelMax;
            return this;
        }

        public Builder heartbeatSeconds(int seconds) {
            if (seconds < 0 || seconds > 65_535) {
                throw new IllegalArgumentException("heartbeat must be between 0 and 65535 s, got " + seconds);
            }
            this.heartbeatSeconds = seconds;
            return this;
        }

        public Builder memoryHighWatermarkBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("memory high watermark must be positive, got " + bytes);
            }
            this.memoryHighWatermarkBytes = bytes;
            return this;
        }

        /** Keeps durable definitions and messages in this directory; null (the default): in memory. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        public Builder diskFreeLimitBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("disk free limit must not be negative, got " + bytes);
            }
            this.diskFreeLimitBytes = bytes;
            return this;
        }

        public BrokerConfig build() {
            return new BrokerConfig(this);
        }
    }
}
