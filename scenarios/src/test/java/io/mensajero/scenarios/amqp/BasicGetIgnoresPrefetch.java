package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * basic.get is not limited by basic.qos, and the messages it leaves unacked do not count
 * against the prefetch of the channel's consumers.
 */
class BasicGetIgnoresPrefetch {

    @EachBroker
    void getBeyondTheLimit(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3");
            s.channel.basicQos(1, true);
            assertThat(Gets.hold(s.channel, q, 3)).hasSize(3);
        }
    }

    @EachBroker
    void getUnackedDoNotCountForConsumers(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String polled = s.queue();
            String consumed = s.queue();
            s.send(polled, "p1", "p2");
            s.send(consumed, "c1", "c2", "c3");
            s.channel.basicQos(1, true);
            Gets.hold(s.channel, polled, 2);
            Inbox inbox = new Inbox(s.channel);
            s.channel.basicConsume(consumed, false, inbox);
            assertThat(inbox.nextBodies(1)).containsExactly("c1");
            inbox.assertNothingMore();
        }
    }
}
