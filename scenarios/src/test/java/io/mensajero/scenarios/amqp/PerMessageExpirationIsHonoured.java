package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Delivery;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The expiration property is a per-message TTL in milliseconds: a message with a long TTL stays
 * until read, one with a short TTL disappears from the queue, and a value that is not a
 * non-negative integer is refused with 406.
 */
class PerMessageExpirationIsHonoured {

    private static AMQP.BasicProperties expiring(String expiration) {
        return new AMQP.BasicProperties.Builder().expiration(expiration).build();
    }

    @EachBroker
    void longTtlStays(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.publish("", q, expiring("60000"), "kept");
            Amqp.settle(s.channel);
            var r = s.channel.basicGet(q, true);
            assertThat(r).isNotNull();
            assertThat(r.getProps().getExpiration()).isEqualTo("60000");
        }
    }

    @EachBroker
    void shortTtlExpires(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.publish("", q, expiring("50"), "gone");
            s.publish("", q, null, "stays");
            await().atMost(Amqp.PATIENCE).until(() -> s.messageCount(q) == 1);
            assertThat(s.getAll(q)).containsExactly("stays");
        }
    }

    /** expiration "0": delivered if a consumer can take it the moment it arrives, else expired at once. */
    @EachBroker
    void zeroTtlReachesAConsumerThatCanTakeItAtOnce(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            Inbox inbox = new Inbox(s.channel);
            s.channel.basicConsume(q, false, inbox);
            s.publish("", q, expiring("0"), "now or never");
            Delivery d = inbox.next();
            assertThat(Amqp.text(d.getBody())).isEqualTo("now or never");
            assertThat(d.getProperties().getExpiration()).isEqualTo("0");
            s.channel.basicAck(d.getEnvelope().getDeliveryTag(), false);
        }
    }

    @EachBroker
    void zeroTtlWithoutAConsumerExpiresAtOnce(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.publish("", q, expiring("0"), "never");
            s.publish("", q, null, "stays");
            assertThat(s.getAll(q)).containsExactly("stays");
        }
    }

    @EachBroker
    void zeroTtlForAConsumerAtItsPrefetchLimitExpires(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.basicQos(1);
            Inbox inbox = new Inbox(s.channel);
            s.channel.basicConsume(q, false, inbox);
            s.send(q, "held");
            Delivery held = inbox.next();
            s.publish("", q, expiring("0"), "never");
            assertThat(s.messageCount(q)).isZero();
            s.channel.basicAck(held.getEnvelope().getDeliveryTag(), false);
            inbox.assertNothingMore();
        }
    }

    @EachBroker
    void invalidExpirationIsRefused(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicPublish("", q, expiring("soon"), Amqp.bytes("m"))))
                    .isEqualTo(Failure.channel(AMQP.PRECONDITION_FAILED,
                            "PRECONDITION_FAILED - invalid expiration 'soon': no_integer", 60, 40));
        }
    }
}
