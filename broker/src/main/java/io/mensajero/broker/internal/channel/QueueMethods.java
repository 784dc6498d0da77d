package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.DirectReplyTo;
import io.mensajero.broker.internal.arguments.QueueArguments;
import io.mensajero.broker.internal.model.BindingDestination;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.VirtualHost;
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
            VirtualHost vhost = ch.vhost();
            BindingDestination q = vhost.bindingEnds(Names.strip(b.exchange()), "queue", queue, ch.connection);
            vhost.bind(Names.strip(b.exchange()), q, key, b.arguments());
            if (!b.noWait()) {
                ch.reply(new Queue.BindOk());
            }
        } else if (m instanceof Queue.Unbind u) {
            String queue = Names.strip(Names.queue(ch, u.queue()));
            String key = u.queue().isEmpty() && u.routingKey().isEmpty() ? queue : u.routingKey();
            ch.vhost().unbind(Names.strip(u.exchange()), "queue", queue, key, u.arguments(), ch.connection);
            ch.reply(new Queue.UnbindOk());
        } else if (m instanceof Queue.Purge p) {
            MessageQueue q = ch.vhost().queueForUse(Names.queue(ch, p.queue()), ch.connection);
            int count = q.purge();
            if (!p.noWait()) {
                ch.reply(new Queue.PurgeOk(count));
            }
        } else if (m instanceof Queue.Delete d) {
            String name = Names.strip(Names.queue(ch, d.queue()));
            MessageQueue q = ch.vhost().lookupQueue(name);
            int count = ch.vhost().deleteQueue(name, d.ifUnused(), d.ifEmpty(), ch.connection);
            if (q != null) {
                ch.connection.queueDeleted(q);
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
            messages = q.messageCount();
            consumers = q.consumerCount();
        } else {
            if (name.isEmpty()) {
                QueueArguments.checkServerNamed(d.arguments());
                name = Names.generated("amq.gen");
            } else {
                VirtualHost.checkQueueName(name);
            }
            MessageQueue q = vhost.declareQueue(name, d.durable(), d.exclusive(), d.autoDelete(), d.arguments(),
                    ch.connection);
            if (q.exclusive()) {
                ch.connection.ownsExclusiveQueue(q);
            }
            messages = q.messageCount();
            consumers = q.consumerCount();
        }
        ch.mostRecentQueue = name;
        if (!d.noWait()) {
            ch.reply(new Queue.DeclareOk(name, messages, consumers));
        }
    }
}
