package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Channel;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * basic.reject and basic.nack with requeue=false discard the message (no dead-letter exchange
 * here): it is not redelivered to anyone, not left stuck, and the queue is empty.
 */
class RequeueFalseDiscards {

    @EachBroker
    void rejectToAConsumer(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            Inbox inbox = new Inbox(s.channel);
            s.channel.basicConsume(q, false, inbox);
            s.send(q, "m");
            s.channel.basicReject(inbox.next().getEnvelope().getDeliveryTag(), false);
            inbox.assertNothingMore();
            assertThat(s.passive(q).getMessageCount()).isZero();
        }
    }

    @EachBroker
    void nackToAConsumer(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            Inbox inbox = new Inbox(s.channel);
            s.channel.basicConsume(q, false, inbox);
            s.send(q, "m");
            s.channel.basicNack(inbox.next().getEnvelope().getDeliveryTag(), false, false);
            inbox.assertNothingMore();
            assertThat(s.passive(q).getMessageCount()).isZero();
        }
    }

    @EachBroker
    void nackMultipleDiscardsAllUpToTheTag(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3", "4");
            Channel holder = s.newChannel();
            long[] tags = Gets.hold(holder, q, 4);
            holder.basicNack(tags[2], true, false);
            holder.close();
            s.awaitReady(q, 1);
            assertThat(Gets.drainMarked(s.channel, q)).as("only 4 was still unacked").containsExactly("4*");
        }
    }
}
