package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.DirectReplyTo;
import io.mensajero.broker.internal.auth.User;
import io.mensajero.broker.internal.model.Exchange;
import io.mensajero.broker.internal.model.Message;
import io.mensajero.broker.internal.model.UserOperations;
import io.mensajero.broker.internal.stats.ExchangeStats;
import io.mensajero.broker.internal.stats.MessageStats;
import io.mensajero.protocol.Basic;
import io.mensajero.protocol.BasicProperties;
import io.mensajero.protocol.ReplyCode;


/**
 * basic.publish, with RabbitMQ's checks in RabbitMQ's order: immediate is not supported, the user
 * may write to the exchange, which must exist and not be internal (and a topic exchange's routing
 * key must be allowed), a direct reply-to must have its consumer, user_id must be the logged-in
 * user (unless it has the impersonator tag), the expiration must be a number. Then the message is
 * routed, returned if mandatory and unroutable, and confirmed.
 */
final class PublishMethod {
    private PublishMethod() {
    }

    static void publish(AmqpChannel ch, Basic.Publish m, byte[] rawProperties, byte[] body) {
        ch.connection.published();
        if (m.immediate()) {
            throw AmqpException.notImplemented("immediate=true");
        }
        var exchange = UserOperations.exchangeForPublish(ch.vhost(), ch.access, m.exchange(), m.routingKey());
        Message message = new Message(m.exchange(), m.routingKey(), rawProperties, body);
        message = withDirectReplyTo(ch, message);
        checkUserId(ch, message);
        checkExpiration(message);
        long seq = ch.confirms.nextSequence();
        ch.stats.inc(MessageStats.PUBLISH);
        exchange.stats().inc(ExchangeStats.PUBLISH_IN);
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
    static long deliver(AmqpChannel ch, Exchange exchange, Message message,
                        boolean mandatory, long seq) {
        boolean routed;
        boolean refused = false;
        long sync = 0;
        if (exchange.name().isEmpty() && DirectReplyTo.isReplyAddress(message.routingKey())) {
            routed = ch.connection.broker().directReplyTo().deliver(message.routingKey(), message);
        } else {
            UserOperations.Routed r = UserOperations.route(ch.vhost(), exchange, message, ch.connection.publisher());
            routed = r.queues() > 0;
            refused = r.refused();
            sync = r.sync();
            if (seq > 0 && sync > 0 && r.queues() == 1 && !refused) {
                message.awaitingConfirm(ch.confirms, seq);
            }
        }
        if (!routed && mandatory) {
            ch.stats.inc(MessageStats.RETURN_UNROUTABLE);
            ch.connection.writeContent(ch.number, new Basic.Return(ReplyCode.NO_ROUTE.code(), "NO_ROUTE",
                    message.exchange(), message.routingKey()), message.rawProperties(), message.body());
        } else if (!routed) {
            ch.stats.inc(MessageStats.DROP_UNROUTABLE);
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
        if (!user.equals(userId) && !ch.connection.user().hasTag(User.IMPERSONATOR)) {
            throw AmqpException.preconditionFailed("user_id property set to '%s' but authenticated user was '%s'",
                    userId, user);
        }
    }
}
