package io.mensajero.broker.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A queue's side of flow control, in the spirit of RabbitMQ's credit flow: the queue grants
 * publishers credit while it can hand messages on, and stops granting when it cannot. Publishers
 * routing to a queue that does not grant are held (their connections are no longer read) until it
 * grants again; publishers to other queues go on.
 *
 * <p>A queue stops granting when its backlog (ready messages, in memory and paged out to disk:
 * {@link MessageQueue#backlog()}) has reached {@link #HIGH} while a consumer that could take more
 * waits: on its socket (its connection is over the write-buffer high-water mark: the consumer
 * reads more slowly than the queue is filled), or on the store (the queue's in-memory head is
 * empty while messages wait on disk: the disk cannot hand them on as fast). It grants again once
 * the backlog is down to {@link #LOW}, or no consumer waits any more (it left, or it is limited by
 * its prefetch: a queue nobody can take from, or whose consumers are busy with unacked work, is a
 * backlog and may grow; with a data directory it is paged out). A deleted queue releases everyone.
 *
 * <p>Confined to the broker thread, like the whole model; nothing here blocks.
 */
public final class QueueFlow {
    /** Backlog at which a queue whose consumer waits stops granting. */
    public static final int HIGH = 1000;
    /** Backlog at which it grants again. */
    public static final int LOW = 250;

    /** A publisher as flow control sees it: its connection, which is read or not. */
    public interface Sender {
        /** A queue stopped granting: stop reading until {@link #released} from every such queue. */
        void held(QueueFlow by);

        /** The queue grants again. */
        void released(QueueFlow by);
    }

    private final Set<Sender> held = new LinkedHashSet<>();
    private boolean granting = true;

    /** Whether publishers may go on sending here. */
    public boolean granting() {
        return granting;
    }

    /** How many publishers this queue holds. */
    public int heldCount() {
        return held.size();
    }

    /**
     * A sender routed a message here. While the queue does not grant, the sender is held; the
     * message itself is taken (a publish already read is never refused).
     */
    public void sent(Sender sender) {
        if (!granting && held.add(sender)) {
            sender.held(this);
        }
    }

    /** The sender's connection is gone: it is no longer held here. */
    public void forget(Sender sender) {
        held.remove(sender);
    }

    /**
     * The queue's state after it delivered what it could.
     *
     * @param backlog        ready messages now, in memory and on disk
     * @param consumerWaits  whether a consumer that could take more waits (on its socket, or on the disk)
     */
    void update(int backlog, boolean consumerWaits) {
        if (granting) {
            if (backlog >= HIGH && consumerWaits) {
                granting = false;
            }
        } else if (backlog <= LOW || !consumerWaits) {
            grant();
        }
    }

    /**
     * The queue's state after it delivered what it could; costs one comparison unless the backlog
     * is long. A consumer that could take more waits for the queue to hand it on: on its socket,
     * or on the store (its socket is free but the in-memory head is empty while messages wait on
     * disk). A consumer held back by its prefetch does not wait: the queue is then a backlog.
     *
     * @param headOnDisk whether the in-memory head is empty while messages wait on disk
     */
    void check(int backlog, boolean headOnDisk, Iterable<Consumer> consumers) {
        if (!watching(backlog)) {
            return;
        }
        boolean waits = false;
        for (Consumer c : consumers) {
            if (c.waitsOnSocket() || (headOnDisk && c.canTake())) {
                waits = true;
                break;
            }
        }
        update(backlog, waits);
    }

    /** Whether {@link #update} needs to know about the consumers: cheap to ask on every dispatch. */
    boolean watching(int backlog) {
        return !granting || backlog >= HIGH;
    }

    /** Grants again and releases every held sender (also when the queue is deleted). */
    void grant() {
        granting = true;
        if (held.isEmpty()) {
            return;
        }
        List<Sender> released = new ArrayList<>(held);
        held.clear();
        for (Sender s : released) {
            s.released(this);
        }
    }
}
