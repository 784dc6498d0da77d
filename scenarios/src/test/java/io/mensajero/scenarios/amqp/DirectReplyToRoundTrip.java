package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Direct reply-to: a requester consuming the pseudo-queue {@code amq.rabbitmq.reply-to} (no-ack)
 * publishes with that reply_to; the responder sees it rewritten to a longer
 * {@code amq.rabbitmq.reply-to.} name and publishing to that name through the default exchange
 * reaches the requester's consumer. A tampered name reaches nobody.
 */
class DirectReplyToRoundTrip {
    static final String REPLY_TO = "amq.rabbitmq.reply-to";

    /** Sends a request with reply_to amq.rabbitmq.reply-to and returns it as the responder receives it. */
    private static GetResponse request(Session s, Channel responder, String requests, String correlationId) throws Exception {
        s.channel.basicPublish("", requests, new AMQP.BasicProperties.Builder()
                .replyTo(REPLY_TO).correlationId(correlationId).build(), Amqp.bytes("question"));
        return await().atMost(Amqp.PATIENCE).until(() -> responder.basicGet(requests, true), Objects::nonNull);
    }

    @EachBroker
    void roundTrip(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String requests = s.queue();
            Inbox replies = new Inbox(s.channel);
            String tag = s.channel.basicConsume(REPLY_TO, true, replies);
            Channel responder = s.newConnection().createChannel();
            GetResponse request = request(s, responder, requests, "c-1");
            String replyTo = request.getProps().getReplyTo();
            assertThat(replyTo).startsWith(REPLY_TO + ".").hasSizeGreaterThan(REPLY_TO.length() + 1);
            assertThat(request.getProps().getCorrelationId()).isEqualTo("c-1");

            responder.basicPublish("", replyTo, new AMQP.BasicProperties.Builder().correlationId("c-1").build(),
                    Amqp.bytes("answer"));
            Delivery reply = replies.next();
            assertThat(Amqp.text(reply.getBody())).isEqualTo("answer");
            assertThat(reply.getProperties().getCorrelationId()).isEqualTo("c-1");
            assertThat(reply.getEnvelope().getExchange()).isEmpty();
            assertThat(reply.getEnvelope().getRoutingKey()).isEqualTo(replyTo);
            assertThat(replies.getConsumerTag()).isEqualTo(tag);
        }
    }

    @EachBroker
    void tamperedNameReachesNobody(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String requests = s.queue();
            Inbox replies = new Inbox(s.channel);
            s.channel.basicConsume(REPLY_TO, true, replies);
            Channel responder = s.newConnection().createChannel();
            String replyTo = request(s, responder, requests, "c-2").getProps().getReplyTo();
            String tampered = replyTo.substring(0, replyTo.length() - 5) + "xxxxx";
            responder.basicPublish("", tampered, null, Amqp.bytes("lost"));
            Amqp.roundTrip(responder);
            replies.assertNothingMore();
            assertThat(responder.isOpen()).isTrue();
        }
    }
}
