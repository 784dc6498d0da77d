package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/** A prefetch count of 0 means no limit, also when set after a limit. */
class ZeroPrefetchIsUnlimited {

    @EachBroker
    void zeroFromTheStart(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            s.channel.basicQos(0);
            Inbox inbox = new Inbox(s.channel);
            s.channel.basicConsume(q, false, inbox);
            assertThat(inbox.next(10)).hasSize(10);
        }
    }

    @EachBroker
    void globalLimitLiftedToZero(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3", "4", "5");
            s.channel.basicQos(1, true);
            Inbox inbox = new Inbox(s.channel);
            s.channel.basicConsume(q, false, inbox);
            inbox.next();
            inbox.assertNothingMore();
            s.channel.basicQos(0, true);
            assertThat(inbox.nextBodies(4)).containsExactly("2", "3", "4", "5");
        }
    }
}
