package io.mensajero.scenarios.support;

import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh Mensajero broker on a free loopback port (and its management API on another) for each
 * scenario run, in memory or on a
 * temporary data directory of its own.
 */
final class EmbeddedBrokerResource implements BrokerResource {
    private final boolean withDataDirectory;
    private Path dataDir;
    private Broker broker;

    EmbeddedBrokerResource(boolean withDataDirectory) {
        this.withDataDirectory = withDataDirectory;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        try {
            dataDir = withDataDirectory ? Files.createTempDirectory("mensajero-scenario") : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = Broker.start(BrokerConfig.builder().port(0).managementPort(0).dataDir(dataDir).build());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (dataDir != null) {
            try (Stream<Path> walk = Files.walk(dataDir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public BrokerUnderTest broker() {
        return new BrokerUnderTest() {
            @Override
            public String name() {
                return "mensajero";
            }

            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return broker.port();
            }

            @Override
            public String managementUri() {
                return "http://127.0.0.1:" + broker.managementPort();
            }

            @Override
            public void raiseMemoryAlarm() {
                broker.memoryHighWatermark(1);
            }

            @Override
            public void clearMemoryAlarm() {
                broker.memoryHighWatermark(BrokerConfig.builder().build().memoryHighWatermarkBytes());
            }

            @Override
            public void raiseDiskAlarm() {
                broker.diskFreeLimit(Long.MAX_VALUE);
            }

            @Override
            public void clearDiskAlarm() {
                broker.diskFreeLimit(BrokerConfig.DEFAULT_DISK_FREE_LIMIT);
            }

            @Override
            public void restart() {
                int port = broker.port();
                int managementPort = broker.managementPort();
                broker.close();
                broker = Broker.start(BrokerConfig.builder().port(port).managementPort(managementPort)
                        .dataDir(dataDir).build());
            }
        };
    }
}
