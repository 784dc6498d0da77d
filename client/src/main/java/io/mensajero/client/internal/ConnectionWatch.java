package io.mensajero.client.internal;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MissedHeartbeatException;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.NetworkConnection;
import io.mensajero.client.Text;

import java.net.InetAddress;

/**
 * Follows a connection that amqp-client recovers by itself: counts its losses (a shutdown the
 * application did not ask for) and its recoveries (reconnected, topology redeclared, consumers
 * back), tells the listener of each, and lets the pattern wait until it is up again. A delivery,
 * a publish or an ack belongs to the connection of the loss count it was made under: once that
 * count moved on, its connection is gone. Thread-safe.
 */
public final class ConnectionWatch {

    /** What the watch reports; called from amqp-client's threads. */
    public interface Listener {
        /** The connection to {@code address:port} was lost; {@code reason} is one line, in either language. */
        void lost(InetAddress address, int port, Text reason);

        /** Reconnected to {@code address:port} (from {@code localPort}), {@code downMs} after the loss. */
        void reconnected(InetAddress address, int port, int localPort, long downMs);
    }

    private final Connection connection;
    private final Stopper stopper;
    private final Listener listener;
    private final Object lock = new Object();
    private volatile long losses;
    private volatile long recoveries;
    private volatile long lostAtNanos;

    /**
     * @param stopper woken at each loss, so that a pause ends at once
     */
    public ConnectionWatch(Connection connection, Stopper stopper, Listener listener) {
        this.connection = connection;
        this.stopper = stopper;
        this.listener = listener;
        connection.addShutdownListener(this::shutdown);
        ((Recoverable) connection).addRecoveryListener(new RecoveryListener() {
            @Override
            public void handleRecovery(Recoverable recoverable) {
                recovered();
            }

            @Override
            public void handleRecoveryStarted(Recoverable recoverable) {
            }
        });
    }

    /** How many times the connection was lost so far. */
    public long losses() {
        return losses;
    }

    /** How many times it was recovered so far. */
    public long recoveries() {
        return recoveries;
    }

    /** True while the connection is up (not lost, or recovered since). */
    public boolean up() {
        return recoveries >= losses;
    }

    /** True when the connection was lost since the loss count was {@code then}. */
    public boolean lostSince(long then) {
        return losses() != then;
    }

    /** Waits until the connection is up; false when the pattern was stopped while it was down. */
    public boolean awaitUp() throws InterruptedException {
        while (!up()) {
            if (stopper.stopped()) {
                return false;
            }
            synchronized (lock) {
                if (!up()) {
                    lock.wait(100);
                }
            }
        }
        return true;
    }

    /** The connection's local port (the client's side of the socket), or -1. */
    /**
     * The connection watched: amqp-client's recovering connection. A channel opened on it is
     * recovered with it; one opened on a channel's {@code getConnection()} (the connection of the
     * moment) is not, and stays closed after the next loss.
     */
    public Connection connection() {
        return connection;
    }

    public static int localPort(Connection connection) {
        return connection instanceof NetworkConnection ? ((NetworkConnection) connection).getLocalPort() : -1;
    }

    private void shutdown(ShutdownSignalException cause) {
        if (cause.isInitiatedByApplication() && !(cause.getCause() instanceof MissedHeartbeatException)) {
            return;
        }
        synchronized (lock) {
            lostAtNanos = System.nanoTime();
            losses++;
            lock.notifyAll();
        }
        stopper.wake();
        listener.lost(connection.getAddress(), connection.getPort(), Failures.lostReason(cause));
    }

    private void recovered() {
        long downMs;
        synchronized (lock) {
            downMs = (System.nanoTime() - lostAtNanos) / 1_000_000;
            recoveries = losses;
            lock.notifyAll();
        }
        listener.reconnected(connection.getAddress(), connection.getPort(), localPort(connection), downMs);
    }
}
