package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * basic.qos with global=false limits each consumer created after it on the channel separately:
 * each holds at most that many unacked deliveries, and an ack lets one more through.
 */
class PrefetchLimitsEachConsumer {

    @EachBroker
    void eachConsumerGetsItsOwnLimit(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String qa = s.queue();
            String qb = s.queue();
            s.send(qa, "a1", "a2", "a3", "a4", "a5");
            s.send(qb, "b1", "b2", "b3", "b4", "b5");
            s.channel.basicQos(2, false);
            Inbox a = new Inbox(s.channel);
            Inbox b = new Inbox(s.channel);
            s.channel.basicConsume(qa, false, a);
            s.channel.basicConsume(qb, false, b);
            var held = a.next(2);
            assertThat(b.nextBodies(2)).containsExactly("b1", "b2");
            a.assertNothingMore();
            assertThat(b.waiting()).as("same channel, so b had the same time").isZero();

            s.channel.basicAck(held.get(0).getEnvelope().getDeliveryTag(), false);
            assertThat(a.nextBodies(1)).containsExactly("a3");
            a.assertNothingMore();
            assertThat(b.waiting()).isZero();
        }
    }

    @EachBroker
    void twoConsumersOnOneQueue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.basicQos(1, false);
            Inbox a = new Inbox(s.channel);
            Inbox b = new Inbox(s.channel);
            s.channel.basicConsume(q, false, a);
            s.channel.basicConsume(q, false, b);
            s.send(q, "1", "2", "3", "4");
            assertThat(a.nextBodies(1)).containsExactly("1");
            assertThat(b.nextBodies(1)).containsExactly("2");
            a.assertNothingMore();
            assertThat(b.waiting()).isZero();
            assertThat(s.messageCount(q)).isEqualTo(2);
        }
    }
}
