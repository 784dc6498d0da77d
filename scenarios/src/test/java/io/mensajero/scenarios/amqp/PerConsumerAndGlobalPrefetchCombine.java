package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With both a per-consumer limit (global=false) and a channel limit (global=true) set, each
 * consumer stays within its own limit and all together within the channel's.
 */
class PerConsumerAndGlobalPrefetchCombine {

    @EachBroker
    void bothLimitsApply(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String qa = s.queue();
            String qb = s.queue();
            s.send(qa, "a1", "a2", "a3", "a4", "a5");
            s.send(qb, "b1", "b2", "b3", "b4", "b5");
            s.channel.basicQos(2, false);
            s.channel.basicQos(3, true);
            Inbox a = new Inbox(s.channel);
            Inbox b = new Inbox(s.channel);
            s.channel.basicConsume(qa, false, a);
            assertThat(a.nextBodies(2)).as("first consumer up to its own limit").containsExactly("a1", "a2");
            s.channel.basicConsume(qb, false, b);
            assertThat(b.nextBodies(1)).as("second consumer up to the channel's limit").containsExactly("b1");
            a.assertNothingMore();
            assertThat(b.waiting()).as("same channel, so b had the same time").isZero();
        }
    }
}
