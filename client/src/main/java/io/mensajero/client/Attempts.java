package io.mensajero.client;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.mensajero.client.internal.DeathHistory;
import io.mensajero.client.internal.Inbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A worker's {@code maxAttempts}: a message whose work failed that many times ends in the
 * dead-letter queue, moved there and counted by the broker, whichever broker it is.
 *
 * <p>A classic queue {@code Q} is declared with {@code x-dead-letter-exchange ""} and
 * {@code x-dead-letter-routing-key DLQ}, beside a retry queue {@code Q.retry} with
 * {@code x-message-ttl} (the retry delay) whose dead letters go back to {@code Q}. A failed
 * attempt before the last is published, headers and all, to the retry queue (confirmed) and then
 * acked: when it expires the broker puts it back at the end of {@code Q} and counts it in
 * {@code x-death}. The last failed attempt is nacked without requeue, and the broker dead-letters
 * it to the DLQ (reason {@code rejected}). The attempt is 1 + the x-death count of
 * ({@code Q.retry}, expired). A classic queue cannot count a worker that died holding the
 * message: a redelivered message is taken as a failed attempt (its worker crashed, or was stopped,
 * before it finished).
 *
 * <p>A quorum queue is declared with {@code x-delivery-limit} = maxAttempts - 1: every failure
 * is a nack with requeue, which the queue counts in {@code x-delivery-count} (a crash too), and
 * past the limit the queue dead-letters the message itself (reason {@code delivery_limit}).
 */
final class Attempts {
    private final Worker worker;
    private final String queue;
    private final boolean durable;
    private final boolean quorum;
    private final int maxAttempts;
    private final String deadLetterQueue;
    private final String retryQueue;
    private final Duration retryDelay;

    Attempts(Worker worker, String queue, boolean durable, boolean quorum, int maxAttempts, String deadLetterQueue,
             String retryQueue, Duration retryDelay) {
        this.worker = worker;
        this.queue = queue;
        this.durable = durable;
        this.quorum = quorum;
        this.maxAttempts = maxAttempts;
        this.deadLetterQueue = deadLetterQueue;
        this.retryQueue = retryQueue;
        this.retryDelay = retryDelay;
    }

    /** The work queue's arguments: dead letters to the DLQ (and the delivery limit on quorum queues). */
    Map<String, Object> queueArguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        if (quorum) {
            args.put("x-queue-type", "quorum");
            args.put("x-delivery-limit", maxAttempts - 1);
        }
        args.putAll(deadLetteringTo(deadLetterQueue));
        return args;
    }

    /**
     * The arguments of a queue whose dead letters go to {@code deadLetterQueue} through the default
     * exchange; a producer declaring the same queue must give the same ones.
     */
    static Map<String, Object> deadLetteringTo(String deadLetterQueue) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("x-dead-letter-exchange", "");
        args.put("x-dead-letter-routing-key", deadLetterQueue);
        return args;
    }

    /** The retry queue's arguments: hold a failed message for the delay, then give it back to the work queue. */
    Map<String, Object> retryQueueArguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("x-message-ttl", retryDelay.toMillis());
        args.put("x-dead-letter-exchange", "");
        args.put("x-dead-letter-routing-key", queue);
        return args;
    }

    /** Declares the dead-letter queue, the retry queue (classic) and the work queue. */
    void declare(Channel channel) throws InterruptedException {
        worker.declareQueue(channel, deadLetterQueue, durable || quorum);
        if (!quorum) {
            worker.declareQueue(channel, retryQueue, durable, retryQueueArguments());
            worker.amqp(Text.of("op.confirmSelect"), channel::confirmSelect);
        }
        worker.declareQueue(channel, queue, durable || quorum, queueArguments());
    }

    /** Which attempt this delivery is, from 1, as the broker counted the earlier ones. */
    int attempt(AMQP.BasicProperties properties) {
        if (quorum) {
            return 1 + (int) DeathHistory.deliveryCount(properties);
        }
        return 1 + (int) DeathHistory.of(properties).count(retryQueue, "expired");
    }

    /** On a classic queue, a redelivered message is an attempt that failed (its worker died holding it). */
    boolean redeliveryIsAFailure(Inbox.Item delivery) {
        return !quorum && delivery.envelope().isRedeliver();
    }

    /**
     * Attempt {@code attempt} of this delivery failed: sends it round the retry queue or requeues
     * it, or, after the last attempt, has the broker dead-letter it. Returns the event emitted.
     */
    EventType failed(Channel channel, Inbox.Item delivery, String body, int seq, int attempt)
            throws InterruptedException {
        long tag = delivery.envelope().getDeliveryTag();
        boolean last = attempt >= maxAttempts;
        if (quorum || last) {
            boolean requeue = quorum;
            worker.amqp(Text.of(requeue ? "op.nackRequeue" : "op.nackDeadLetter", tag), () -> {
                channel.basicNack(tag, false, requeue);
                return null;
            });
        } else {
            worker.publishConfirmed(channel, "", retryQueue, delivery.properties(), delivery.body(), seq);
            worker.amqp(Text.of("op.ack", tag), () -> {
                channel.basicAck(tag, false);
                return null;
            });
        }
        if (last) {
            worker.emit(EventType.DEAD_LETTERED, "queue", queue, "body", body, "seq", seq, "deliveryTag", tag,
                    "attempt", attempt, "maxAttempts", maxAttempts, "deadLetterQueue", deadLetterQueue,
                    "reason", quorum ? "delivery_limit" : "rejected");
            return EventType.DEAD_LETTERED;
        }
        if (quorum) {
            worker.emit(EventType.REQUEUED, "queue", queue, "body", body, "seq", seq, "deliveryTag", tag,
                    "attempt", attempt, "maxAttempts", maxAttempts);
            return EventType.REQUEUED;
        }
        worker.emit(EventType.RETRYING, "queue", queue, "body", body, "seq", seq, "deliveryTag", tag,
                "attempt", attempt, "maxAttempts", maxAttempts, "retryQueue", retryQueue,
                "retryDelayMs", retryDelay.toMillis());
        return EventType.RETRYING;
    }

    int maxAttempts() {
        return maxAttempts;
    }
}
