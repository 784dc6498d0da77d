package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Delivery;
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

    /**
     * A no-ack consumer's deliveries do not count against the channel's limit, but while the
     * ack-needing ones fill it, the no-ack consumer gets nothing either (RabbitMQ's limiter says
     * no to every queue of the channel); an ack lets it go on.
     */
    @EachBroker
    void aNoAckConsumerWaitsWhileTheLimitIsReached(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String acked = s.queue();
            String auto = s.queue();
            s.send(acked, "a1");
            s.channel.basicQos(1, true);
            Inbox manual = new Inbox(s.channel);
            s.channel.basicConsume(acked, false, manual);
            Delivery held = manual.next();
            Inbox noAck = new Inbox(s.channel);
            s.channel.basicConsume(auto, true, noAck);
            s.send(auto, "n1", "n2", "n3");
            noAck.assertNothingMore();
            assertThat(s.messageCount(auto)).as("held back by the channel's limit").isEqualTo(3);

            s.channel.basicAck(held.getEnvelope().getDeliveryTag(), false);
            assertThat(noAck.nextBodies(3)).containsExactly("n1", "n2", "n3");
            assertThat(s.messageCount(auto)).isZero();
        }
    }

    /** A no-ack consumer alone on a channel with a global limit gets everything: nothing it takes counts. */
    @EachBroker
    void aNoAckConsumerAloneIsNotLimited(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3", "4", "5");
            s.channel.basicQos(1, true);
            Inbox noAck = new Inbox(s.channel);
            s.channel.basicConsume(q, true, noAck);
            assertThat(noAck.nextBodies(5)).containsExactly("1", "2", "3", "4", "5");
        }
    }

    /**
     * One channel with a global limit of 1 consuming from three queues, each with plenty of
     * messages, acking each delivery: every queue is served, in turn, rather than the first one
     * getting all the capacity that an ack frees. (RabbitMQ lets the waiting queues go first in
     * a random turn, Mensajero in rotation: either way none is left out.)
     */
    @EachBroker
    void severalQueuesAreServedInTurn(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            java.util.List<String> queues = java.util.List.of(s.queue(), s.queue(), s.queue());
            for (String q : queues) {
                for (int i = 1; i <= 30; i++) {
                    s.send(q, q + "/" + i);
                }
            }
            s.channel.basicQos(1, true);
            Inbox inbox = new Inbox(s.channel);
            for (String q : queues) {
                s.channel.basicConsume(q, false, inbox);
            }
            java.util.Map<String, Integer> served = new java.util.TreeMap<>();
            for (int i = 0; i < 30; i++) {
                Delivery d = inbox.next();
                served.merge(Amqp.text(d.getBody()).split("/")[0], 1, Integer::sum);
                s.channel.basicAck(d.getEnvelope().getDeliveryTag(), false);
            }
            System.out.println("[" + broker.name() + "] global prefetch 1, 30 deliveries from 3 queues: " + served.values());
            assertThat(served).as("deliveries per queue").containsOnlyKeys(queues)
                    .allSatisfy((q, n) -> assertThat(n).isPositive());
        }
    }
}
