package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.DirectReplyTo;
import io.mensajero.broker.internal.arguments.QueueArguments;
import io.mensajero.broker.internal.arguments.QueueType;
import io.mensajero.broker.internal.arguments.StreamOffset;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.StreamQueue;
import io.mensajero.broker.internal.model.UserOperations;
import io.mensajero.protocol.Basic;


/** basic.consume, basic.cancel and basic.qos: who receives, and how much at once. */
final class ConsumeMethods {
    private ConsumeMethods() {
    }

    static void handle(AmqpChannel ch, Basic m) {
        if (m instanceof Basic.Consume c) {
            consume(ch, c);
        } else if (m instanceof Basic.Cancel c) {
            cancel(ch, c);
        } else if (m instanceof Basic.Qos q) {
            qos(ch, q);
        }
    }

    private static void consume(AmqpChannel ch, Basic.Consume m) {
        String tag = m.consumerTag().isEmpty() ? Names.generated("amq.ctag") : m.consumerTag();
        if (ch.consumers.containsKey(m.consumerTag()) || m.consumerTag().equals(ch.replyConsumerTag)) {
            throw AmqpException.notAllowed("attempt to reuse consumer tag '%s'", m.consumerTag());
        }
        if (m.queue().equals(DirectReplyTo.QUEUE)) {
            replyConsumer(ch, m, tag);
            return;
        }
        MessageQueue queue = UserOperations.queueForReading(ch.vhost(), ch.access, Names.queue(ch, m.queue()),
                ch.connection);
        QueueArguments.validateConsumer(queue.describe(), QueueType.of(queue.arguments()), m.arguments());
        StreamOffset start = queue instanceof StreamQueue stream
                ? stream.checkConsumer(m.arguments(), m.noAck(), ch.consumerPrefetch, ch.globalPrefetch) : null;
        if (start == null && ((m.exclusive() && queue.consumerCount() > 0) || queue.hasExclusiveConsumer())) {
            throw AmqpException.accessRefused("%s in exclusive use", queue.describe());
        }
        ChannelConsumer consumer = new ChannelConsumer(ch, queue, tag, m.noAck(), m.exclusive(),
                ch.consumerPrefetch, m.arguments());
        ch.consumers.put(tag, consumer);
        if (!m.noWait()) {
            ch.reply(new Basic.ConsumeOk(tag));
        }
        if (queue instanceof StreamQueue stream) {
            stream.addConsumer(consumer, start);
        } else {
            queue.addConsumer(consumer);
        }
    }

    private static void replyConsumer(AmqpChannel ch, Basic.Consume m, String tag) {
        if (!m.noAck()) {
            throw AmqpException.preconditionFailed("reply consumer cannot acknowledge");
        }
        if (ch.replyConsumerTag != null) {
            throw AmqpException.preconditionFailed("reply consumer already set");
        }
        ch.replyConsumerTag = tag;
        ch.replyAddress = ch.connection.broker().directReplyTo().register(ch);
        if (!m.noWait()) {
            ch.reply(new Basic.ConsumeOk(tag));
        }
    }

    private static void cancel(AmqpChannel ch, Basic.Cancel m) {
        String tag = m.consumerTag();
        if (tag.equals(ch.replyConsumerTag)) {
            ch.connection.broker().directReplyTo().unregister(ch.replyAddress);
            ch.replyConsumerTag = null;
            ch.replyAddress = null;
        } else {
            ChannelConsumer consumer = ch.consumers.remove(tag);
            if (consumer != null) {
                if (!m.noWait()) {
                    ch.reply(new Basic.CancelOk(tag));
                }
                consumer.queue().removeConsumer(consumer);
                return;
            }
        }
        if (!m.noWait()) {
            ch.reply(new Basic.CancelOk(tag));
        }
    }

    /**
     * RabbitMQ's reading of basic.qos: global=false sets the prefetch of consumers created from now
     * on (and lifts a channel-wide limit); global=true sets a limit shared by the channel's
     * consumers. prefetch_size is not supported.
     */
    private static void qos(AmqpChannel ch, Basic.Qos m) {
        if (m.prefetchSize() != 0) {
            throw AmqpException.notImplemented("prefetch_size!=0 (%d)", m.prefetchSize());
        }
        if (m.global()) {
            ch.globalPrefetch = m.prefetchCount();
        } else {
            ch.consumerPrefetch = m.prefetchCount();
            ch.globalPrefetch = 0;
        }
        ch.reply(new Basic.QosOk());
        ch.resumeDeliveries();
    }
}
