package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * basic.qos with global=true limits the unacked deliveries of all consumers on the channel
 * together.
 */
class GlobalPrefetchIsSharedAcrossTheChannel {

    @EachBroker
    void sharedLimit(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String qa = s.queue();
            String qb = s.queue();
            s.send(qa, "a1", "a2", "a3", "a4", "a5");
            s.send(qb, "b1", "b2", "b3", "b4", "b5");
            s.channel.basicQos(3, true);
            Inbox a = new Inbox(s.channel);
            Inbox b = new Inbox(s.channel);
            s.channel.basicConsume(qa, false, a);
            s.channel.basicConsume(qb, false, b);
            await().atMost(Amqp.PATIENCE).until(() -> a.waiting() + b.waiting() >= 3);
            Amqp.settle(s.channel);
            var deliveredA = a.drain();
            var deliveredB = b.drain();
            assertThat(deliveredA.size() + deliveredB.size()).isEqualTo(3);
            assertThat(s.messageCount(qa) + s.messageCount(qb)).isEqualTo(7);

            var anyOne = deliveredA.isEmpty() ? deliveredB.get(0) : deliveredA.get(0);
            s.channel.basicAck(anyOne.getEnvelope().getDeliveryTag(), false);
            await().atMost(Amqp.PATIENCE).until(() -> a.waiting() + b.waiting() >= 1);
            Amqp.settle(s.channel);
            assertThat(a.drain().size() + b.drain().size()).as("one more after one ack").isEqualTo(1);
        }
    }
}
