package io.mensajero.broker.internal.model;

/**
 * x-expires: a queue that has had no consumer, no basic.get and no redeclare for that many ms is
 * deleted, messages and all, as RabbitMQ does. One {@link Deadlines.Deadline} per queue (made when
 * it first has an x-expires): a use only notes its time, and the deadline, when it falls due, is
 * set again for the last use's expiry (a queue read with basic.get in a loop does not move a
 * timer each time).
 */
final class QueueExpiry {
    private final MessageQueue queue;
    private Long expires;
    private Deadlines.Deadline timer;
    private long lastUsed;

    QueueExpiry(MessageQueue queue, Long expires) {
        this.queue = queue;
        this.expires = expires;
    }

    /** x-expires changed (a policy): the countdown starts again with the new value, or stops. */
    void configure(Long expires) {
        this.expires = expires;
        cancel();
        touch();
    }

    /** The queue was used (declared, read with basic.get, left by its last consumer): the countdown starts again. */
    void touch() {
        if (expires == null) {
            return;
        }
        Deadlines deadlines = queue.vhost().deadlines();
        lastUsed = deadlines.nowRoundedUp();
        if (timer == null) {
            timer = deadlines.create(this::due);
        }
        if (queue.consumerCount() == 0 && timer.at() == Long.MAX_VALUE) {
            timer.set(lastUsed + expires);
        }
    }

    /** A consumer keeps the queue: no countdown while it has one. */
    void inUse() {
        cancel();
    }

    void cancel() {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void due() {
        if (expires == null || queue.consumerCount() > 0) {
            return;
        }
        long at = lastUsed + expires;
        if (queue.vhost().deadlines().now() >= at) {
            queue.vhost().deleteQueue(queue);
        } else {
            timer.set(at);
        }
    }
}
