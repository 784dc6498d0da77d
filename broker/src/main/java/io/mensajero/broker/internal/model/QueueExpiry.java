package io.mensajero.broker.internal.model;

/**
 * x-expires: a queue that has had no consumer, no basic.get and no redeclare for that many ms is
 * deleted, messages and all, as RabbitMQ does. One timer per queue on the broker's event loop,
 * started again each time the queue is used while it has no consumer.
 */
final class QueueExpiry {
    private final MessageQueue queue;
    private Long expires;
    private Timers.Timer timer;

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
        cancel();
        if (queue.consumerCount() == 0) {
            timer = queue.vhost().timers().schedule(this::expire, expires);
        }
    }

    /** A consumer keeps the queue: no countdown while it has one. */
    void inUse() {
        cancel();
    }

    void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void expire() {
        timer = null;
        if (queue.consumerCount() == 0) {
            queue.vhost().deleteQueue(queue);
        }
    }
}
