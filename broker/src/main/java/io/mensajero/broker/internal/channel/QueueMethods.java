package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.DirectReplyTo;
import io.mensajero.broker.internal.arguments.QueueArguments;
import io.mensajero.broker.internal.model.BindingDestination;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.StreamQueue;
import io.mensajero.broker.internal.model.UserOperations;
import io.mensajero.broker.internal.model.ResourceNames;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.broker.internal.stats.StatsRegistry;
import io.mensajero.protocol.Queue;


/** queue.declare, bind, unbind, purge and delete. */
final class QueueMethods {
    private QueueMethods() {
    }

    static void handle(AmqpChannel ch, Queue m) {
        if (m instanceof Queue.Declare d) {
            declare(ch, d);
        } else if (m instanceof Queue.Bind b) {
            String queue = Names.strip(Names.queue(ch, b.queue()));
            String key = b.queue().isEmpty() && b.routingKey().isEmpty() ? queue : b.routingKey();
            UserOperations.bind(ch.vhost(), ch.access, Names.strip(b.exchange()), "queue", queue, key, b.arguments(),
                    ch.connection);
            if (!b.noWait()) {
                ch.reply(new Queue.BindOk());
            }
        } else if (m instanceof Queue.Unbind u) {
            String queue = Names.strip(Names.queue(ch, u.queue()));
            String key = u.queue().isEmpty() && u.routingKey().isEmpty() ? queue : u.routingKey();
            UserOperations.unbind(ch.vhost(), ch.access, Names.strip(u.exchange()), "queue", queue, key, u.arguments(),
                    ch.connection);
            ch.reply(new Queue.UnbindOk());
        } else if (m instanceof Queue.Purge p) {
            int count = UserOperations.purge(ch.vhost(), ch.access, Names.queue(ch, p.queue()), ch.connection);
            if (!p.noWait()) {
                ch.reply(new Queue.PurgeOk(count));
            }
        } else if (m instanceof Queue.Delete d) {
            String name = Names.strip(Names.queue(ch, d.queue()));
            MessageQueue q = ch.vhost().lookupQueue(name);
            int count = UserOperations.deleteQueue(ch.vhost(), ch.access, name, d.ifUnused(), d.ifEmpty(),
                    ch.connection);
            if (q != null) {
                ch.connection.queueDeleted(q);
                ch.connection.broker().stats().count(StatsRegistry.QUEUE_DELETED);
            }
            if (!d.noWait()) {
                ch.reply(new Queue.DeleteOk(count));
            }
        }
    }

    private static void declare(AmqpChannel ch, Queue.Declare d) {
        VirtualHost vhost = ch.vhost();
        String name = Names.strip(d.queue());
        int messages;
        int consumers;
        if (name.startsWith(DirectReplyTo.QUEUE)) {
            if (!name.equals(DirectReplyTo.QUEUE) && !ch.connection.broker().directReplyTo().exists(name)) {
                throw AmqpException.notFound("no %s", vhost.describe("queue", name));
            }
            messages = 0;
            consumers = 1;
        } else if (d.passive()) {
            MessageQueue q = vhost.queueForUse(name, ch.connection);
            q.declaredAgain();
            messages = declaredCount(q, q.messageCount());
            consumers = declaredCount(q, q.consumerCount());
        } else {
            if (name.isEmpty()) {
                QueueArguments.checkServerNamed(d.arguments());
                name = Names.generated("amq.gen");
            } else {
                ResourceNames.checkQueueName(name);
            }
            boolean created = vhost.lookupQueue(name) == null;
            MessageQueue q = UserOperations.declareQueue(vhost, ch.access, name, d.durable(), d.exclusive(),
                    d.autoDelete(), d.arguments(), ch.connection);
            StatsRegistry stats = ch.connection.broker().stats();
            stats.count(StatsRegistry.QUEUE_DECLARED);
            if (created) {
                stats.count(StatsRegistry.QUEUE_CREATED);
            }
            if (q.exclusive()) {
                ch.connection.ownsExclusiveQueue(q);
            }
            messages = declaredCount(q, q.messageCount());
            consumers = declaredCount(q, q.consumerCount());
        }
        ch.mostRecentQueue = name;
        if (!d.noWait()) {
            ch.reply(new Queue.DeclareOk(name, messages, consumers));
        }
    }

    /** declare-ok's counts: RabbitMQ 3.10 says 0 messages and 0 consumers for a stream. */
    private static int declaredCount(MessageQueue q, int count) {
        return q instanceof StreamQueue ? 0 : count;
    }
}
