package io.mensajero.broker.internal.model;

/**
 * x-message-ttl and the expiration property: a message's TTL in a queue is the smaller of the
 * two, fixed when it enters the queue (a requeued message keeps its expiry). Messages expire at
 * the head of the queue, as in RabbitMQ; this holds the one timer a queue needs for that, set for
 * the head's expiry on the broker's event loop (no thread sleeps).
 */
final class MessageTtl {
    private final Timers timers;
    private Long queueTtl;
    private Timers.Timer timer;
    private long timerAt = Long.MAX_VALUE;

    MessageTtl(Timers timers, Long queueTtl) {
        this.timers = timers;
        this.queueTtl = queueTtl;
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

    /** When a message with this TTL, entering now, expires (Long.MAX_VALUE: never). */
    long expiresAt(long ttl) {
        return ttl < 0 ? Long.MAX_VALUE : timers.now() + ttl;
    }

    long now() {
        return timers.now();
    }

    /** Makes sure {@code onDue} runs on the loop by the time the head expires. */
    void armFor(long expiresAt, Runnable onDue) {
        if (expiresAt == Long.MAX_VALUE || expiresAt >= timerAt) {
            return;
        }
        cancel();
        timerAt = expiresAt;
        timer = timers.schedule(() -> {
            timer = null;
            timerAt = Long.MAX_VALUE;
            onDue.run();
        }, Math.max(0, expiresAt - timers.now()));
    }

    void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        timerAt = Long.MAX_VALUE;
    }
}
