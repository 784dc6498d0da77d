package io.mensajero.cli.lab;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.BrokerStartException;
import io.mensajero.cli.Errors;
import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.Failure;
import io.mensajero.client.Text;
import io.mensajero.client.MensajeroException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The broker the lab runs against: Mensajero's own, started in this process on a free port, or
 * one given by URI (RabbitMQ, say), or the nodes of a cluster (several addresses). The lab keeps
 * one connection of its own to it, to ask how many messages a queue holds and to delete what the
 * run declared; on a cluster that connection is recovered when its node dies. Thread-safe.
 */
public final class LabBroker implements AutoCloseable {
    private final Broker embedded;
    private final String uri;
    private final ConnectionSettings settings;
    private final Connection connection;
    private Channel channel;

    private static final long RECOVERY_MS = 30_000;

    private LabBroker(Broker embedded, String uri) {
        this.embedded = embedded;
        this.uri = uri;
        this.settings = ConnectionSettings.fromUri(uri);
        try {
            this.connection = settings.connect("mensajero lab");
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** Starts Mensajero's broker in this process, on a free loopback port. */
    public static LabBroker embedded() {
        Broker broker;
        try {
            broker = Broker.start(BrokerConfig.builder().port(0).build());
        } catch (BrokerStartException e) {
            throw Errors.failure(Failure.CANNOT_LISTEN, Text.of("cmd.error.lab.embedded",
                    Errors.cannotStart(e, 0).text()), e);
        }
        return new LabBroker(broker, "amqp://guest:guest@127.0.0.1:" + broker.port() + "/%2F");
    }

    /** The broker at this AMQP URI; fails (one line, its exit code) when it cannot be reached. */
    public static LabBroker at(String uri) {
        return new LabBroker(null, uri);
    }

    /** The broker at these addresses (each a URI or a comma list: a cluster's nodes). */
    public static LabBroker at(List<String> uris) {
        return new LabBroker(null, String.join(",", uris));
    }

    /** The URI (or address list) the participants get, with the password, as they need it. */
    public String uri() {
        return uri;
    }

    /** Every address, host:port. */
    public List<String> addresses() {
        return settings.addresses();
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** {@code host:port}. */
    public String address() {
        return settings.address();
    }

    /** The broker's product and version, as it announces them (connection.start). */
    public String product() {
        Map<String, Object> properties = connection.getServerProperties();
        Object product = properties.get("product");
        Object version = properties.get("version");
        return (product == null ? "?" : product.toString()) + (version == null ? "" : " " + version);
    }

    /** Messages ready in the queue, or -1 when there is no such queue. */
    public synchronized long ready(String queue) {
        return inspect(queue, true);
    }

    /** Consumers on the queue, or -1 when there is no such queue. */
    public synchronized long consumers(String queue) {
        return inspect(queue, false);
    }

    public synchronized void deleteQueue(String queue) {
        quietly(() -> channel().queueDelete(queue));
    }

    public synchronized void deleteExchange(String exchange) {
        quietly(() -> channel().exchangeDelete(exchange));
    }

    /** True when a connection to that one address (with the lab's URI's user and vhost) opens. */
    public boolean answers(String address) {
        try (Connection probe = settings.only(address).withRecovery(false).connect("mensajero lab probe")) {
            return probe.isOpen();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (connection.isOpen()) {
                connection.close(3_000);
            }
        } catch (IOException | RuntimeException e) {
            connection.abort(1_000);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private long inspect(String queue, boolean messages) {
        for (int attempt = 1; ; attempt++) {
            try {
                var ok = channel().queueDeclarePassive(queue);
                return messages ? ok.getMessageCount() : ok.getConsumerCount();
            } catch (IOException | ShutdownSignalException e) {
                channel = null;
                if (connection.isOpen()) {
                    return -1;
                }
                if (attempt > 1 || !awaitRecovery()) {
                    throw lost(e);
                }
            }
        }
    }

    /** On a cluster the connection recovers by itself when its node dies: waits for it a while. */
    private boolean awaitRecovery() {
        if (!settings.recovers()) {
            return false;
        }
        long deadline = System.currentTimeMillis() + RECOVERY_MS;
        while (!connection.isOpen() && System.currentTimeMillis() < deadline) {
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return connection.isOpen();
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            if (!connection.isOpen() && !awaitRecovery()) {
                throw lost(connection.getCloseReason());
            }
            channel = connection.createChannel();
        }
        return channel;
    }

    private MensajeroException lost(Exception cause) {
        return Errors.failure(Failure.UNREACHABLE, Text.of("cmd.error.lab.lost", settings.address()), cause);
    }

    /** An operation on the lab's channel. */
    private interface ChannelAction {
        void run() throws IOException;
    }

    private void quietly(ChannelAction action) {
        try {
            action.run();
        } catch (IOException | ShutdownSignalException e) {
            channel = null;
        }
    }
}
