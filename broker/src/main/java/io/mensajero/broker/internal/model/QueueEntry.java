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
    boolean redelivered;

    QueueEntry(long seq, Message message, long expiresAt) {
        this.seq = seq;
        this.message = message;
        this.expiresAt = expiresAt;
    }

    public Message message() {
        return message;
    }

    public boolean redelivered() {
        return redelivered;
    }
}
