package io.mensajero.broker.internal;

/** A connection as the rest of the broker sees it. */
public interface ConnectionHandle {
    /** Writes what is pending to the socket. */
    void flush();

    /**
     * A resource alarm went on or changed ({@code reason}, as connection.blocked gives it), or
     * every alarm cleared ({@code null}).
     */
    void resourceAlarm(String reason);

    /** Closes with connection.close 320 CONNECTION_FORCED, as on broker shutdown. */
    void forceClose(String reason);

    /**
     * Its state as RabbitMQ's management API shows it: starting, tuning, opening, running,
     * flow (held by flow control, or held less than a second ago), blocking, blocked (the
     * memory alarm), closing, closed.
     */
    String state();

    /** What the management API sees of it. */
    ConnectionView view();
}
