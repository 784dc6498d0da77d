package io.mensajero.broker.internal.model;

/**
 * A subscription of a channel to a queue, as the queue sees it. The channel implements it: it
 * decides whether it can take a message now (prefetch, flow, socket writability) and writes the
 * delivery.
 */
public interface Consumer {
    String tag();

    boolean noAck();

    boolean exclusive();

    /** Its x-priority (basic.consume argument): higher ones are served first; 0 by default. */
    default int priority() {
        return 0;
    }

    /** Whether one more message may be delivered to it now. */
    boolean canTake();

    /**
     * Whether it could take more but waits for its connection's socket to drain (flow control:
     * the queue then stops granting publishers credit). A consumer held back by its prefetch does
     * not wait on its socket.
     */
    default boolean waitsOnSocket() {
        return false;
    }

    /** Hands it a message; unless {@link #noAck()}, the queue counts it as unacked. */
    void deliver(MessageQueue queue, QueueEntry entry);

    /** Its queue was deleted: it is gone, and the client is told with basic.cancel if it can be. */
    void cancelledByBroker(MessageQueue queue);
}
