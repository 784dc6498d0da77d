package io.mensajero.broker.internal.model;

/**
 * A message's place in one queue: its sequence number there (which fixes its position, also
 * when it is requeued) and whether it was delivered before.
 */
public final class QueueEntry {
    final long seq;
    final Message message;
    /** When it expires on the broker's monotonic clock; Long.MAX_VALUE for never. */
    final long expiresAt;
    /** Where its record is in the queue's segment files, or -1 when it has none. */
    final long location;
    /** Whether its record must be acked on disk when it is settled (persistent, durable queue). */
    final boolean persisted;
    boolean redelivered;
    /** How often it was given back (quorum queues count it: x-delivery-count). */
    int returns;

    QueueEntry(long seq, Message message, long expiresAt) {
        this(seq, message, expiresAt, -1, false);
    }

    QueueEntry(long seq, Message message, long expiresAt, long location, boolean persisted) {
        this.seq = seq;
        this.message = message;
        this.expiresAt = expiresAt;
        this.location = location;
        this.persisted = persisted;
    }

    public Message message() {
        return message;
    }

    public boolean redelivered() {
        return redelivered;
    }
}
