package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unacked messages given back to a queue (channel close, connection close, nack or reject with
 * requeue, a consumer's channel closing) go back to their original position, ahead of the
 * messages published after them, and are marked redelivered. Bodies read back are marked with
 * {@code *} when redelivered.
 */
class RequeuedMessagesKeepTheirPosition {

    private static String queueOfFive(Session s) throws Exception {
        String q = s.queue();
        s.send(q, "1", "2", "3", "4", "5");
        return q;
    }

    @EachBroker
    void channelClose(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = queueOfFive(s);
            Channel holder = s.newChannel();
            Gets.hold(holder, q, 3);
            holder.close();
            s.awaitReady(q, 5);
            assertThat(Gets.drainMarked(s.channel, q)).containsExactly("1*", "2*", "3*", "4", "5");
        }
    }

    @EachBroker
    void connectionClose(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = queueOfFive(s);
            Connection other = s.newConnection();
            Gets.hold(other.createChannel(), q, 3);
            other.close();
            s.awaitReady(q, 5);
            assertThat(Gets.drainMarked(s.channel, q)).containsExactly("1*", "2*", "3*", "4", "5");
        }
    }

    @EachBroker
    void nackInAnyOrder(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = queueOfFive(s);
            Channel holder = s.newChannel();
            long[] tags = Gets.hold(holder, q, 3);
            holder.basicNack(tags[2], false, true);
            holder.basicNack(tags[0], false, true);
            Amqp.roundTrip(holder);
            assertThat(Gets.drainMarked(s.channel, q)).containsExactly("1*", "3*", "4", "5");
            holder.close();
            s.awaitReady(q, 1);
            assertThat(Gets.drainMarked(s.channel, q)).containsExactly("2*");
        }
    }

    @EachBroker
    void rejectInAnyOrder(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = queueOfFive(s);
            Channel holder = s.newChannel();
            long[] tags = Gets.hold(holder, q, 3);
            holder.basicReject(tags[1], true);
            holder.basicReject(tags[0], true);
            Amqp.roundTrip(holder);
            assertThat(Gets.drainMarked(s.channel, q)).containsExactly("1*", "2*", "4", "5");
        }
    }

    @EachBroker
    void consumersChannelClose(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = queueOfFive(s);
            Channel consuming = s.newChannel();
            consuming.basicQos(2);
            Inbox inbox = new Inbox(consuming);
            consuming.basicConsume(q, false, inbox);
            assertThat(inbox.nextBodies(2)).containsExactly("1", "2");
            consuming.close();
            s.awaitReady(q, 5);
            assertThat(Gets.drainMarked(s.channel, q)).containsExactly("1*", "2*", "3", "4", "5");
        }
    }
}
