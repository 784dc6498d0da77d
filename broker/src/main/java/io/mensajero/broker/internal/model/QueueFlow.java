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
 * <p>A queue stops granting when its ready backlog has reached {@link #HIGH} while a consumer that
 * could take more waits on its socket (the consumer's connection is over its write-buffer
 * high-water mark: the consumer reads more slowly than the queue is filled). It grants again once
 * the backlog is down to {@link #LOW}, or no consumer waits on its socket any more (it left, or it
 * is limited by its prefetch: a queue nobody can take from, or whose consumers are busy with
 * unacked work, is a backlog and may grow). A deleted queue releases everyone.
 *
 * <p>Confined to the broker thread, like the whole model; nothing here blocks.
 */
public final class QueueFlow {
    /** Ready messages at which a queue whose consumer waits on its socket stops granting. */
    public static final int HIGH = 1000;
    /** Ready messages at which it grants again. */
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
     * @param ready             ready messages now
     * @param consumerOnSocket  whether a consumer that could take more waits on its socket
     */
    void update(int ready, boolean consumerOnSocket) {
        if (granting) {
            if (ready >= HIGH && consumerOnSocket) {
                granting = false;
            }
        } else if (ready <= LOW || !consumerOnSocket) {
            grant();
        }
    }

    /** Whether {@link #update} needs to know about the consumers: cheap to ask on every dispatch. */
    boolean watching(int ready) {
        return !granting || ready >= HIGH;
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
