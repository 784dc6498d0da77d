package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.arguments.Overflow;
import io.mensajero.broker.internal.arguments.QueueSettings;
import io.mensajero.broker.internal.arguments.QueueType;

/**
 * x-max-length and x-max-length-bytes: how many ready messages, and how many body bytes of ready
 * messages, a queue may hold (unacknowledged ones do not count), and x-overflow, what happens at
 * the limit, as RabbitMQ 3.10 has it:
 * <ul>
 * <li>drop-head (the default): the message is taken, then the oldest are dropped (dead-lettered
 *     with reason maxlen) until the queue is within its limits again;</li>
 * <li>reject-publish: a classic queue refuses a message that would take it over a limit (its
 *     publisher gets a nack, or nothing without confirms); a quorum queue takes the message that
 *     goes over and refuses the next ones until it is back to 80% of its limits;</li>
 * <li>reject-publish-dlx (classic): as reject-publish, and the refused message is dead-lettered.</li>
 * </ul>
 * It also keeps the body bytes of the queue's ready messages (in memory and paged out), which the
 * byte limit needs.
 */
final class LengthLimit {
    private final boolean quorum;
    private Long maxLength;
    private Long maxBytes;
    private Overflow overflow;
    /** Body bytes of the ready messages held in memory. */
    private long headBytes;
    /** Body bytes of the ready messages paged out (messages recovered from disk are not known until read back). */
    private long pagedBytes;
    /** A quorum queue with reject-publish went over a limit: it refuses until it is back under 80%. */
    private boolean refusing;

    LengthLimit(QueueSettings settings) {
        this.quorum = settings.type() == QueueType.QUORUM;
        configure(settings, 0);
    }

    /**
     * The limits and overflow in force, from arguments and policies (set again when a policy
     * changes, with the ready messages the queue holds: a quorum queue already over its new limit
     * with reject-publish refuses from now on).
     */
    void configure(QueueSettings settings, int ready) {
        this.maxLength = settings.maxLength();
        this.maxBytes = settings.maxLengthBytes();
        this.overflow = settings.effectiveOverflow();
        refusing = quorum && overflow == Overflow.REJECT_PUBLISH && (refusing || over(ready));
    }

    boolean limited() {
        return maxLength != null || maxBytes != null;
    }

    /** Body bytes of the ready messages (RabbitMQ's message_bytes_ready). */
    long readyBytes() {
        return headBytes + pagedBytes;
    }

    void addedToHead(Message m) {
        headBytes += m.body().length;
    }

    void removedFromHead(Message m) {
        headBytes -= m.body().length;
    }

    void pagedOut(Message m) {
        pagedBytes += m.body().length;
    }

    /** A message read back from disk moves from the paged-out count to the head's. */
    void readBack(Message m) {
        pagedBytes = Math.max(0, pagedBytes - m.body().length);
        headBytes += m.body().length;
    }

    /** Every ready message was dropped (purge, delete). */
    void purged() {
        headBytes = 0;
        pagedBytes = 0;
    }

    /**
     * Whether the queue refuses this new message (reject-publish, reject-publish-dlx), given the
     * ready messages it holds now.
     */
    boolean refuses(Message m, int ready) {
        if (!limited() || overflow == Overflow.DROP_HEAD) {
            return false;
        }
        if (quorum) {
            if (refusing && belowSoftLimit(ready)) {
                refusing = false;
            }
            return refusing;
        }
        return (maxLength != null && ready + 1 > maxLength)
                || (maxBytes != null && readyBytes() + m.body().length > maxBytes);
    }

    /** Whether a refused message is dead-lettered too (reject-publish-dlx). */
    boolean deadLettersRefused() {
        return overflow == Overflow.REJECT_PUBLISH_DLX;
    }

    /** After a message was taken: a quorum queue with reject-publish starts refusing once over a limit. */
    void taken(int ready) {
        if (quorum && overflow == Overflow.REJECT_PUBLISH && over(ready)) {
            refusing = true;
        }
    }

    /** Whether the oldest ready message must be dropped now (drop-head over a limit). */
    boolean mustDropHead(int ready) {
        return overflow == Overflow.DROP_HEAD && over(ready);
    }

    private boolean over(int ready) {
        return (maxLength != null && ready > maxLength) || (maxBytes != null && readyBytes() > maxBytes);
    }

    private boolean belowSoftLimit(int ready) {
        return (maxLength == null || ready <= (long) (maxLength * 0.8))
                && (maxBytes == null || readyBytes() <= (long) (maxBytes * 0.8));
    }
}
