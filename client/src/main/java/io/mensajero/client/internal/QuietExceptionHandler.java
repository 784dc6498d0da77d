package io.mensajero.client.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.TopologyRecoveryException;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * amqp-client's handler for errors it cannot throw to the caller (a consumer callback failing,
 * the connection dropping). The patterns report those failures themselves as one-line errors,
 * so this only logs them at debug level instead of printing stack traces. A failure to redeclare
 * the topology after a reconnection goes to {@code topologyFailures}, which the pattern turns
 * into its error.
 */
public final class QuietExceptionHandler extends ForgivingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(QuietExceptionHandler.class);

    private final Consumer<TopologyRecoveryException> topologyFailures;

    public QuietExceptionHandler() {
        this(e -> { });
    }

    public QuietExceptionHandler(Consumer<TopologyRecoveryException> topologyFailures) {
        this.topologyFailures = topologyFailures;
    }

    @Override
    public void handleTopologyRecoveryException(Connection conn, Channel ch, TopologyRecoveryException exception) {
        log("Topology recovery failed", exception);
        topologyFailures.accept(exception);
    }

    @Override
    protected void log(String message, Throwable e) {
        LOG.debug(message, e);
    }
}
