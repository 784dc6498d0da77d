package io.mensajero.broker.internal.connection;

import io.mensajero.protocol.Connection;

import java.util.function.BooleanSupplier;

/**
 * RabbitMQ's answer to a resource alarm (memory, disk): a connection that publishes while an alarm
 * is on is blocked (no longer read) until every alarm has cleared, and told so with
 * connection.blocked (the reason names the resources low when it was blocked, e.g.
 * {@code low on disk & memory}) and connection.unblocked, when the client announced the
 * connection.blocked capability. As in RabbitMQ 3.10, raising an alarm blocks no one by itself (the
 * connection is only {@code blocking}) and a further alarm does not tell a blocked connection again.
 */
final class PublisherBlocking {
    private final Outbound out;
    private final BooleanSupplier notify;
    private final Runnable readingChanged;
    /** The alarm's reason while one is on, else null. */
    private String alarm;
    private boolean blocked;

    /** readingChanged: called when the connection becomes blocked or free again. */
    PublisherBlocking(Outbound out, BooleanSupplier notify, Runnable readingChanged) {
        this.out = out;
        this.notify = notify;
        this.readingChanged = readingChanged;
    }

    /** Blocked: no longer read. */
    boolean blocked() {
        return blocked;
    }

    /** An alarm is on but this connection has not published since: RabbitMQ's {@code blocking}. */
    boolean blocking() {
        return alarm != null && !blocked;
    }

    /** The connection published; under an alarm (its reason, else null) that blocks it. */
    void published(String alarm) {
        this.alarm = alarm;
        if (alarm != null && !blocked) {
            block();
        }
    }

    /** An alarm went on or changed (its reason), or every alarm cleared (null). */
    void alarm(String reason) {
        alarm = reason;
        if (reason == null && blocked) {
            unblock();
        }
    }

    private void block() {
        blocked = true;
        readingChanged.run();
        if (notify.getAsBoolean()) {
            out.method(0, new Connection.Blocked(alarm));
            out.flush();
        }
    }

    private void unblock() {
        blocked = false;
        if (notify.getAsBoolean()) {
            out.method(0, new Connection.Unblocked());
            out.flush();
        }
        readingChanged.run();
    }
}
