package io.mensajero.broker;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Settings of an embedded {@link Broker}. Immutable; build one with {@link #builder()}.
 *
 * <p>Defaults follow RabbitMQ's: port 5672 on loopback, frame-max 131072, channel-max 2047,
 * heartbeat 60 s, guest in {@code loopback_users}, stats sampled every 5 s, disk free limit 50 MB.
 * The management API is off unless a management port is set (the {@code mensajero broker} command
 * sets 15672); amqps is off unless a certificate and key are given (then on port 5671 by default).
 * Without a data directory (the default here) the broker keeps everything in memory.
 */
public final class BrokerConfig {
    public static final int DEFAULT_PORT = 5672;
    public static final int DEFAULT_TLS_PORT = 5671;
    public static final int DEFAULT_MANAGEMENT_PORT = 15672;
    /** A management port that means: no management API. */
    public static final int NO_MANAGEMENT = -1;
    /** RabbitMQ's default disk_free_limit. */
    public static final long DEFAULT_DISK_FREE_LIMIT = 50_000_000L;

    private final String bindAddress;
    private final int port;
    private final int frameMax;
    private final int channelMax;
    private final int heartbeatSeconds;
    private final long memoryHighWatermarkBytes;
    private final List<String> loopbackUsers;
    private final int managementPort;
    private final Path tlsCertificate;
    private final Path tlsKey;
    private final int tlsPort;
    private final boolean managementTls;
    private final long statsIntervalMillis;
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
        this.loopbackUsers = List.copyOf(b.loopbackUsers);
        this.managementPort = b.managementPort;
        this.tlsCertificate = b.tlsCertificate;
        this.tlsKey = b.tlsKey;
        this.tlsPort = b.tlsPort;
        this.managementTls = b.managementTls;
        this.statsIntervalMillis = b.statsIntervalMillis;
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

    /** Users that may log in from loopback addresses only (RabbitMQ's loopback_users; guest by default). */
    public List<String> loopbackUsers() { return loopbackUsers; }

    /** The management API's port: 0 for any free one, {@link #NO_MANAGEMENT} for none. */
    public int managementPort() { return managementPort; }

    /** The PEM certificate (chain) for amqps and HTTPS, or null. */
    public Path tlsCertificate() { return tlsCertificate; }

    /** The PEM private key (PKCS#8) of the certificate, or null. */
    public Path tlsKey() { return tlsKey; }

    /** Whether amqps is served: a certificate and a key were given. */
    public boolean tls() { return tlsCertificate != null; }

    /** The amqps port (0 for any free one). */
    public int tlsPort() { return tlsPort; }

    /** Whether the management port speaks HTTPS (with the same certificate and key). */
    public boolean managementTls() { return managementTls; }

    /** How often the management API's rates are sampled (RabbitMQ's collect_statistics_interval). */
    public long statsIntervalMillis() { return statsIntervalMillis; }
    /** Where durable definitions and messages are kept; null keeps everything in memory. */
    public Path dataDir() { return dataDir; }

    /** Free disk space under which publishers are blocked (RabbitMQ's disk_free_limit). */
    public long diskFreeLimitBytes() { return diskFreeLimitBytes; }

    public Builder toBuilder() {
        Builder b = new Builder()
                .bindAddress(bindAddress)
                .port(port)
                .frameMax(frameMax)
                .channelMax(channelMax)
                .heartbeatSeconds(heartbeatSeconds)
                .memoryHighWatermarkBytes(memoryHighWatermarkBytes)
                .loopbackUsers(loopbackUsers)
                .managementPort(managementPort)
                .tlsPort(tlsPort)
                .managementTls(managementTls)
                .statsIntervalMillis(statsIntervalMillis)
                .dataDir(dataDir)
                .diskFreeLimitBytes(diskFreeLimitBytes);
        if (tlsCertificate != null) {
            b.tls(tlsCertificate, tlsKey);
        }
        return b;
    }

    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private int frameMax = 131_072;
        private int channelMax = 2047;
        private int heartbeatSeconds = 60;
        private long memoryHighWatermarkBytes = Runtime.getRuntime().maxMemory() / 5 * 2;
        private List<String> loopbackUsers = List.of("guest");
        private int managementPort = NO_MANAGEMENT;
        private Path tlsCertificate;
        private Path tlsKey;
        private int tlsPort = DEFAULT_TLS_PORT;
        private boolean managementTls;
        private long statsIntervalMillis = 5_000;
        private Path dataDir;
        private long diskFreeLimitBytes = DEFAULT_DISK_FREE_LIMIT;

        private Builder() {
        }

        public Builder loopbackUsers(List<String> users) {
            this.loopbackUsers = List.copyOf(users);
            return this;
        }

        /** The management API's port: 0 picks a free one, {@link #NO_MANAGEMENT} turns it off. */
        public Builder managementPort(int port) {
            if (port != NO_MANAGEMENT && (port < 0 || port > 65_535)) {
                throw new IllegalArgumentException("management port must be between 0 and 65535, got " + port);
            }
            this.managementPort = port;
            return this;
        }

        /** Serves amqps (and, with {@link #managementTls}, HTTPS) with this PEM certificate and PKCS#8 key. */
        public Builder tls(Path certificate, Path key) {
            this.tlsCertificate = Objects.requireNonNull(certificate, "certificate");
            this.tlsKey = Objects.requireNonNull(key, "key");
            return this;
        }

        public Builder tlsPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("TLS port must be between 0 and 65535, got " + port);
            }
            this.tlsPort = port;
            return this;
        }

        public Builder managementTls(boolean https) {
            this.managementTls = https;
            return this;
        }

        public Builder statsIntervalMillis(long millis) {
            if (millis < 10) {
                throw new IllegalArgumentException("stats interval must be at least 10 ms, got " + millis);
            }
            this.statsIntervalMillis = millis;
            return this;
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
            if (managementTls && tlsCertificate == null) {
                throw new IllegalArgumentException("HTTPS on the management port needs a TLS certificate and key");
            }
            return new BrokerConfig(this);
        }
    }
}
