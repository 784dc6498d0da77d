package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raising the channel's prefetch (global=true) lets waiting messages through to existing
 * consumers at once. A per-consumer prefetch (global=false) is taken by a consumer when it is
 * created: raising it later changes only consumers created afterwards.
 */
class RaisingPrefetchReleasesMoreDeliveries {

    @EachBroker
    void raisingTheChannelLimit(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3", "4", "5");
            s.channel.basicQos(1, true);
            Inbox inbox = new Inbox(s.channel);
            s.channel.basicConsume(q, false, inbox);
            assertThat(inbox.nextBodies(1)).containsExactly("1");
            inbox.assertNothingMore();
            s.channel.basicQos(3, true);
            assertThat(inbox.nextBodies(2)).containsExactly("2", "3");
            inbox.assertNothingMore();
        }
    }

    @EachBroker
    void raisingThePerConsumerLimitAppliesToNewConsumers(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3", "4", "5");
            s.channel.basicQos(1, false);
            Inbox old = new Inbox(s.channel);
            s.channel.basicConsume(q, false, old);
            assertThat(old.nextBodies(1)).containsExactly("1");
            s.channel.basicQos(3, false);
            old.assertNothingMore();
            Inbox fresh = new Inbox(s.channel);
            s.channel.basicConsume(q, false, fresh);
            assertThat(fresh.nextBodies(3)).containsExactly("2", "3", "4");
            fresh.assertNothingMore();
            assertThat(old.waiting()).isZero();
        }
    }
}
