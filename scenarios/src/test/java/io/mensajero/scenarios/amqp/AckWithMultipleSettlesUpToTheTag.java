package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Channel;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * basic.ack with multiple settles every outstanding delivery up to and including the tag;
 * without it, just that one; tag 0 with multiple settles everything.
 */
class AckWithMultipleSettlesUpToTheTag {

    @EachBroker
    void multiple(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3", "4", "5");
            Channel holder = s.newChannel();
            long[] tags = Gets.hold(holder, q, 5);
            holder.basicAck(tags[2], true);
            holder.close();
            s.awaitReady(q, 2);
            assertThat(Gets.drainMarked(s.channel, q)).containsExactly("4*", "5*");
        }
    }

    @EachBroker
    void single(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3");
            Channel holder = s.newChannel();
            long[] tags = Gets.hold(holder, q, 3);
            holder.basicAck(tags[1], false);
            holder.close();
            s.awaitReady(q, 2);
            assertThat(Gets.drainMarked(s.channel, q)).containsExactly("1*", "3*");
        }
    }

    @EachBroker
    void zeroWithMultipleSettlesAll(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3");
            Channel holder = s.newChannel();
            Gets.hold(holder, q, 3);
            holder.basicAck(0, true);
            holder.close();
            assertThat(Gets.drainMarked(s.channel, q)).isEmpty();
        }
    }
}
