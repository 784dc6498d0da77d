package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.DirectReplyTo;
import io.mensajero.broker.internal.model.Message;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.protocol.Basic;
import io.mensajero.protocol.BasicProperties;
import io.mensajero.protocol.ReplyCode;

import java.util.Collection;

/**
 * basic.publish, with RabbitMQ's checks in RabbitMQ's order: immediate is not supported, the
 * exchange must exist and not be internal, a direct reply-to must have its consumer, the
 * expiration must be a number, user_id must be the logged-in user. Then the message is routed,
 * returned if mandatory and unroutable, and confirmed.
 */
final class PublishMethod {
    private PublishMethod() {
    }

    static void publish(AmqpChannel ch, Basic.Publish m, byte[] rawProperties, byte[] body) {
        ch.connection.published();
        if (m.immediate()) {
            throw AmqpException.notImplemented("immediate=true");
        }
        var exchange = ch.vhost().exchangeOrDie(m.exchange());
        if (exchange.internal()) {
            throw AmqpException.accessRefused("cannot publish to internal %s", exchange.describe());
        }
        Message message = new Message(m.exchange(), m.routingKey(), rawProperties, body);
        message = withDirectReplyTo(ch, message);
        checkExpiration(message);
        long seq = ch.confirms.nextSequence();
        checkUserId(ch, message);
        message = SenderSelected.apply(message);
        if (ch.tx != null) {
            ch.tx.hold(exchange, message, m.mandatory());
            return;
        }
        deliver(ch, exchange, message, m.mandatory(), seq);
    }

    /**
     * Routes a message and enqueues it; returns it if mandatory and unroutable; earns its confirm.
     * Gives the store's sync number the message waits for (0: it is not written to disk, or need
     * not be fsynced).
     */
    static long deliver(AmqpChannel ch, io.mensajero.broker.internal.model.Exchange exchange, Message message,
                        boolean mandatory, long seq) {
        boolean routed;
        boolean refused = false;
        long sync = 0;
        if (exchange.name().isEmpty() && DirectReplyTo.isReplyAddress(message.routingKey())) {
            routed = ch.connection.broker().directReplyTo().deliver(message.routingKey(), message);
        } else {
            Collection<MessageQueue> queues = ch.vhost().route(exchange, message);
            for (MessageQueue q : queues) {
                long taken = q.enqueue(message);
                refused |= taken == MessageQueue.REFUSED;
                sync = Math.max(sync, taken);
                q.flow().sent(ch.connection.publisher());
            }
            routed = !queues.isEmpty();
            if (seq > 0 && sync > 0 && queues.size() == 1 && !refused) {
                message.awaitingConfirm(ch.confirms, seq);
            }
        }
        if (!routed && mandatory) {
            ch.connection.writeContent(ch.number, new Basic.Return(ReplyCode.NO_ROUTE.code(), "NO_ROUTE",
                    message.exchange(), message.routingKey()), message.rawProperties(), message.body());
        }
        if (seq > 0 && refused) {
            ch.confirms.refuse(seq);
        } else if (seq > 0) {
            ch.confirms.confirm(seq, sync);
        }
        return sync;
    }

    private static Message withDirectReplyTo(AmqpChannel ch, Message message) {
        if (!message.hasProperty(Message.FLAG_REPLY_TO)) {
            return message;
        }
        BasicProperties props = message.properties();
        if (!DirectReplyTo.QUEUE.equals(props.replyTo())) {
            return message;
        }
        if (ch.replyAddress == null) {
            throw AmqpException.preconditionFailed("fast reply consumer does not exist");
        }
        return message.withProperties(props.withReplyTo(ch.replyAddress));
    }

    private static void checkExpiration(Message message) {
        if (!message.hasProperty(Message.FLAG_EXPIRATION)) {
            return;
        }
        String expiration = message.properties().expiration();
        try {
            long ttl = Long.parseLong(expiration);
            if (ttl < 0) {
                throw AmqpException.preconditionFailed("invalid expiration '%s': {value_negative,%d}",
                        expiration, ttl);
            }
        } catch (NumberFormatException e) {
            throw AmqpException.preconditionFailed("invalid expiration '%s': no_integer", expiration);
        }
    }

    private static void checkUserId(AmqpChannel ch, Message message) {
        if (!message.hasProperty(Message.FLAG_USER_ID)) {
            return;
        }
        String userId = message.properties().userId();
        String user = ch.connection.user().name();
        if (!user.equals(userId)) {
            throw AmqpException.preconditionFailed("user_id property set to '%s' but authenticated user was '%s'",
                    userId, user);
        }
    }
}
