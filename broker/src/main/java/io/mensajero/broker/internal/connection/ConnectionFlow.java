package io.mensajero.broker.internal.connection;

import io.mensajero.broker.internal.model.QueueFlow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A connection's side of flow control: the queues that hold it (they stopped granting credit
 * after it routed messages to them). While any holds it, the connection is not read; its client
 * then blocks on its own socket, as with RabbitMQ's credit flow. RabbitMQ's management API shows
 * such a connection as {@code flow}: while it is held, and for a second after a hold began.
 */
final class ConnectionFlow implements QueueFlow.Sender {
    /** How long RabbitMQ keeps showing {@code flow} after a hold began. */
    static final long SHOWN_MILLIS = 1000;

    private final Set<QueueFlow> holders = new LinkedHashSet<>();
    private final LongSupplier clockMillis;
    private final Runnable readingChanged;
    private boolean everHeld;
    private long heldAt;

    /**
     * @param clockMillis    a monotonic clock in milliseconds
     * @param readingChanged called when the connection becomes held or free again
     */
    ConnectionFlow(LongSupplier clockMillis, Runnable readingChanged) {
        this.clockMillis = clockMillis;
        this.readingChanged = readingChanged;
    }

    @Override
    public void held(QueueFlow by) {
        boolean first = holders.isEmpty();
        holders.add(by);
        if (first) {
            everHeld = true;
            heldAt = clockMillis.getAsLong();
            readingChanged.run();
        }
    }

    @Override
    public void released(QueueFlow by) {
        if (holders.remove(by) && holders.isEmpty()) {
            readingChanged.run();
        }
    }

    /** Whether some queue holds it now: then it must not be read. */
    boolean held() {
        return !holders.isEmpty();
    }

    /** Whether RabbitMQ would show the connection in state {@code flow}. */
    boolean inFlow() {
        return held() || (everHeld && clockMillis.getAsLong() - heldAt < SHOWN_MILLIS);
    }

    /** The connection is gone: the queues forget it. */
    void release() {
        for (QueueFlow q : new ArrayList<>(holders)) {
            q.forget(this);
        }
        holders.clear();
    }
}
