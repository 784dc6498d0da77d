package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.protocol.Basic;
import io.mensajero.protocol.Confirm;

/**
 * Publisher confirms on a channel (confirm.select). Every publish gets the next sequence number;
 * a message held in memory is confirmed as soon as it is routed, and the confirms earned in one
 * read batch go out as one basic.ack with multiple set, after any basic.return.
 */
final class Confirms {
    private final AmqpChannel channel;
    private boolean enabled;
    private long nextSeq = 1;
    private long earnedUpTo;
    private long sentUpTo;

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

    /** The broker has taken responsibility for the message with this sequence number. */
    void confirm(long seq) {
        if (seq > earnedUpTo) {
            earnedUpTo = seq;
        }
    }

    void flush() {
        if (earnedUpTo > sentUpTo) {
            channel.stats.add(io.mensajero.broker.internal.stats.MessageStats.CONFIRM, earnedUpTo - sentUpTo);
            channel.reply(new Basic.Ack(earnedUpTo, earnedUpTo - sentUpTo > 1));
            sentUpTo = earnedUpTo;
        }
    }
}
