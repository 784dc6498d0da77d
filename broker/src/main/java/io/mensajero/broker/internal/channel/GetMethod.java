package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.model.Message;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.QueueEntry;
import io.mensajero.broker.internal.model.UserOperations;
import io.mensajero.broker.internal.stats.MessageStats;
import io.mensajero.protocol.Basic;

/**
 * basic.get: one message pulled from a queue, or get-empty. Prefetch does not limit it. When the
 * queue's messages are all on disk, the reply waits for them to be read back (off the loop).
 */
final class GetMethod {
    private GetMethod() {
    }

    static void get(AmqpChannel ch, Basic.Get m) {
        MessageQueue queue = UserOperations.queueForReading(ch.vhost(), ch.access, Names.queue(ch, m.queue()),
                ch.connection);
        if (queue.headOnDisk()) {
            ch.waitFor(queue, m, () -> get(ch, m));
            return;
        }
        QueueEntry entry = queue.get(m.noAck());
        if (entry == null) {
            ch.stats.inc(MessageStats.GET_EMPTY);
            queue.stats().inc(MessageStats.GET_EMPTY);
            ch.reply(new Basic.GetEmpty());
            return;
        }
        ch.count(queue, m.noAck() ? MessageStats.GET_NO_ACK : MessageStats.GET, entry.redelivered());
        long tag = ch.nextDeliveryTag();
        if (!m.noAck()) {
            ch.unacked.add(new Unacked(tag, queue, entry, null));
        }
        Message message = queue.delivered(entry, true);
        ch.connection.writeContent(ch.number, new Basic.GetOk(tag, entry.redelivered(), message.exchange(),
                message.routingKey(), queue.messageCount()), message.rawProperties(), message.body());
    }
}
