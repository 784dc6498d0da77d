package io.mensajero.broker.internal.model;

/**
 * x-message-ttl and the expiration property: a message's TTL in a queue is the smaller of the
 * two, fixed when it enters the queue (a requeued message keeps its expiry). Messages expire at
 * the head of the queue, as in RabbitMQ; this holds the one timer a queue needs for that, a
 * {@link Deadlines.Deadline} in its vhost's heap set for the head's expiry. It only moves earlier:
 * when the head leaves before it expires, the timer wakes for nothing once and is set for the new
 * head then, so a queue busy with consumers costs one wake per TTL at most, not one per message.
 */
final class MessageTtl {
    private Long queueTtl;
    private final MessageQueue queue;
    /** Made when a first message with a TTL reaches the head (a plain queue holds none). */
    private Deadlines.Deadline timer;

    /** When the head may have expired, the queue's {@link MessageQueue#dispatch()} runs on the loop. */
    MessageTtl(Long queueTtl, MessageQueue queue) {
        this.queueTtl = queueTtl;
        this.queue = queue;
    }

    /** x-message-ttl changed (a policy): messages entering from now on take it; those in the queue keep theirs. */
    void configure(Long queueTtl) {
        this.queueTtl = queueTtl;
    }

    /** The TTL of a message entering the queue in ms, or -1 for none. */
    long ttlOf(Message m) {
        long own = m.ttl();
        if (queueTtl == null) {
            return own;
        }
        return own < 0 ? queueTtl : Math.min(own, queueTtl);
    }

    /**
     * When a message with this TTL, entering now, expires (Long.MAX_VALUE: never): from the clock
     * rounded up, so that it never leaves before its TTL has passed (a TTL of 0 is now: at once).
     */
    long expiresAt(long ttl) {
        if (ttl < 0) {
            return Long.MAX_VALUE;
        }
        Deadlines clock = queue.vhost().deadlines();
        return ttl == 0 ? clock.now() : clock.nowRoundedUp() + ttl;
    }

    long now() {
        return queue.vhost().deadlines().now();
    }

    /** Makes sure the timer runs by the time the head, which expires then, expires. */
    void armFor(long expiresAt) {
        if (expiresAt == Long.MAX_VALUE) {
            return;
        }
        if (timer == null) {
            timer = queue.vhost().deadlines().create(queue::dispatch);
        }
        if (expiresAt < timer.at()) {
            timer.set(expiresAt);
        }
    }

    void cancel() {
        if (timer != null) {
            timer.cancel();
        }
    }
}
