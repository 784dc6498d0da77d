package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.model.StreamQueue;
import io.mensajero.protocol.Basic;

import java.util.List;

/**
 * basic.ack, nack, reject and recover. requeue=false drops the message, as RabbitMQ does (no
 * redelivery loop); requeue=true puts it back in its original position, marked redelivered. A
 * stream's messages can only be acked: nack and reject close the connection (540).
 */
final class AckMethods {
    private AckMethods() {
    }

    static void handle(AmqpChannel ch, Basic m) {
        if (m instanceof Basic.Ack a) {
            settle(ch, ch.unacked.take(a.deliveryTag(), a.multiple()), AmqpChannel.Settlement.ACK);
        } else if (m instanceof Basic.Nack n) {
            settle(ch, ch.unacked.take(n.deliveryTag(), n.multiple()), requeueOrDiscard(n.requeue()));
        } else if (m instanceof Basic.Reject r) {
            settle(ch, ch.unacked.take(r.deliveryTag(), false), requeueOrDiscard(r.requeue()));
        } else if (m instanceof Basic.Recover r) {
            recover(ch, r.requeue());
            ch.reply(new Basic.RecoverOk());
        } else if (m instanceof Basic.RecoverAsync r) {
            recover(ch, r.requeue());
        }
    }

    private static AmqpChannel.Settlement requeueOrDiscard(boolean requeue) {
        return requeue ? AmqpChannel.Settlement.REQUEUE : AmqpChannel.Settlement.DISCARD;
    }

    private static void settle(AmqpChannel ch, List<Unacked> taken, AmqpChannel.Settlement how) {
        if (how != AmqpChannel.Settlement.ACK) {
            for (Unacked u : taken) {
                if (u.queue() instanceof StreamQueue stream) {
                    ch.unacked.restore(taken);
                    throw stream.cannotRequeueOrReject();
                }
            }
        }
        if (ch.tx != null) {
            ch.tx.hold(taken, how);
        } else {
            ch.settle(taken, how);
        }
    }

    private static void recover(AmqpChannel ch, boolean requeue) {
        if (!requeue) {
            throw AmqpException.notImplemented("requeue=false");
        }
        for (Unacked u : ch.unacked.all()) {
            if (u.queue() instanceof StreamQueue) {
                throw AmqpException.internalError(); // RabbitMQ 3.10's stream queue fails on a requeue
            }
        }
        ch.settle(ch.unacked.takeAll(), AmqpChannel.Settlement.REQUEUE);
    }
}
