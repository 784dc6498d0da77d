package io.mensajero.broker.internal.connection;

import io.mensajero.protocol.Connection;

import java.util.function.BooleanSupplier;

/**
 * RabbitMQ's answer to the memory alarm: a connection that has published is blocked (no longer
 * read) while the alarm lasts, and told so with connection.blocked / unblocked when the client
 * announced the connection.blocked capability.
 */
final class PublisherBlocking {
    private final Outbound out;
    private final BooleanSupplier notify;
    private final Runnable readingChanged;
    private boolean published;
    private boolean alarm;
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

    /** The alarm is on but this connection has not published yet: RabbitMQ's {@code blocking}. */
    boolean blocking() {
        return alarm && !blocked;
    }

    /** The connection published; under the alarm that blocks it. */
    void published(boolean alarm) {
        published = true;
        this.alarm = alarm;
        if (alarm && !blocked) {
            block();
        }
    }

    void alarm(boolean raised) {
        alarm = raised;
        if (raised && published && !blocked) {
            block();
        } else if (!raised && blocked) {
            unblock();
        }
    }

    private void block() {
        blocked = true;
        readingChanged.run();
        if (notify.getAsBoolean()) {
            out.method(0, new Connection.Blocked("low on memory"));
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
