package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.model.Message;
import io.mensajero.protocol.Basic;
import io.mensajero.protocol.Confirm;

/**
 * Publisher confirms on a channel (confirm.select). Every publish gets the next sequence number.
 * A message held in memory only is confirmed as soon as it is routed; a persistent message on a
 * durable queue once the store has fsynced it (its sync number). Confirms are earned in order, so
 * one that waits holds back those after it; those earned in one read batch, or by one fsync, go
 * out as one basic.ack with multiple set, after any basic.return. A message a queue refused
 * (x-overflow reject-publish) gets a basic.nack of its own, in its place in that order.
 */
final class Confirms implements BrokerContext.SyncWaiter, Message.EarlyConfirm {
    private final AmqpChannel channel;
    private boolean enabled;
    private long nextSeq = 1;
    private long earnedUpTo;
    private long sentUpTo;
    /** Confirms waiting for the store: sequence numbers and the sync numbers they need, a ring. */
    private long[] waitingSeq = new long[16];
    private long[] waitingSync = new long[16];
    private boolean[] early = new boolean[16];
    private boolean[] refused = new boolean[16];
    private int first;
    private int waiting;
    private long lastSync;
    private boolean registered;

    Confirms(AmqpChannel channel) {
        this.channel = channel;
    }

    void select(Confirm.Select m) {
        if (channel.tx != null) {
            throw AmqpException.preconditionFailed("cannot switch from tx to confirm mode");
        }
        enabled = true;
        if (!m.noWait()) {
            channel.reply(new Confirm.SelectOk());
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** The sequence number of the publish being handled, or 0 outside confirm mode. */
    long nextSequence() {
        return enabled ? nextSeq++ : 0;
    }

    /**
     * The broker has taken responsibility for the message with this sequence number, once the
     * store has fsynced up to {@code sync} (0: nothing to wait for).
     */
    void confirm(long seq, long sync) {
        BrokerContext broker = channel.connection.broker();
        if (waiting == 0 && (sync == 0 || sync <= broker.syncedUpTo())) {
            earn(seq);
            return;
        }
        hold(seq, sync, false);
    }

    /**
     * A queue refused the message with this sequence number: it gets a basic.nack once the
     * confirms before it went out.
     */
    void refuse(long seq) {
        if (waiting == 0) {
            nack(seq);
            return;
        }
        hold(seq, 0, true);
    }

    private void nack(long seq) {
        flush();
        channel.reply(new Basic.Nack(seq, false, false));
        earnedUpTo = seq;
        sentUpTo = seq;
    }

    private void hold(long seq, long sync, boolean nack) {
        BrokerContext broker = channel.connection.broker();
        lastSync = Math.max(sync, lastSync);
        if (waiting == waitingSeq.length) {
            grow();
        }
        int at = (first + waiting) % waitingSeq.length;
        waitingSeq[at] = seq;
        waitingSync[at] = lastSync;
        early[at] = false;
        refused[at] = nack;
        waiting++;
        if (!registered) {
            registered = true;
            broker.awaitSync(this);
        }
    }

    private void earn(long seq) {
        if (seq > earnedUpTo) {
            earnedUpTo = seq;
        }
    }

    private void grow() {
        long[] s = new long[waitingSeq.length * 2];
        long[] y = new long[s.length];
        boolean[] e = new boolean[s.length];
        boolean[] r = new boolean[s.length];
        for (int i = 0; i < waiting; i++) {
            s[i] = waitingSeq[(first + i) % waitingSeq.length];
            y[i] = waitingSync[(first + i) % waitingSeq.length];
            e[i] = early[(first + i) % waitingSeq.length];
            r[i] = refused[(first + i) % waitingSeq.length];
        }
        waitingSeq = s;
        waitingSync = y;
        early = e;
        refused = r;
        first = 0;
    }

    /** Earns, in order, the confirms whose fsync is done or whose message was settled already. */
    private void release(long upTo) {
        while (waiting > 0 && (waitingSync[first] <= upTo || early[first])) {
            if (refused[first]) {
                nack(waitingSeq[first]);
            } else {
                earn(waitingSeq[first]);
            }
            first = (first + 1) % waitingSeq.length;
            waiting--;
        }
    }

    @Override
    public void settledBeforeSync(long seq) {
        if (channel.isReleased()) {
            return;
        }
        for (int i = 0; i < waiting; i++) {
            int at = (first + i) % waitingSeq.length;
            if (waitingSeq[at] == seq) {
                early[at] = true;
                if (i == 0) {
                    release(channel.connection.broker().syncedUpTo());
                    flush();
                }
                return;
            }
            if (waitingSeq[at] > seq) {
                return;
            }
        }
    }

    @Override
    public boolean synced(long upTo) {
        if (channel.isReleased()) {
            waiting = 0;
            registered = false;
            return true;
        }
        release(upTo);
        flush();
        if (waiting == 0) {
            registered = false;
            return true;
        }
        return false;
    }

    void flush() {
        if (earnedUpTo > sentUpTo) {
            channel.stats.add(io.mensajero.broker.internal.stats.MessageStats.CONFIRM, earnedUpTo - sentUpTo);
            channel.reply(new Basic.Ack(earnedUpTo, earnedUpTo - sentUpTo > 1));
            sentUpTo = earnedUpTo;
        }
    }
}
