package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * However many routes lead to a queue (several matching bindings, two exchange paths, an
 * exchange cycle) it gets one copy of a message, and cycles do not loop.
 */
class MessageReachesAQueueOnceWhateverThePaths {

    @EachBroker
    void twoMatchingBindings(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("topic");
            String q = s.queue();
            s.channel.queueBind(q, x, "a.*");
            s.channel.queueBind(q, x, "#");
            s.publish(x, "a.b", null, "m");
            assertThat(s.getAll(q)).containsExactly("m");
        }
    }

    @EachBroker
    void diamond(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String top = s.exchange("fanout");
            String left = s.exchange("fanout");
            String right = s.exchange("fanout");
            s.channel.exchangeBind(left, top, "");
            s.channel.exchangeBind(right, top, "");
            String q = s.queue();
            s.channel.queueBind(q, left, "");
            s.channel.queueBind(q, right, "");
            s.publish(top, "", null, "m");
            assertThat(s.getAll(q)).containsExactly("m");
        }
    }

    @EachBroker
    void cycle(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x1 = s.exchange("fanout");
            String x2 = s.exchange("fanout");
            s.channel.exchangeBind(x2, x1, "");
            s.channel.exchangeBind(x1, x2, "");
            String q1 = s.queue();
            String q2 = s.queue();
            s.channel.queueBind(q1, x1, "");
            s.channel.queueBind(q2, x2, "");
            s.publish(x1, "", null, "into x1");
            s.publish(x2, "", null, "into x2");
            assertThat(s.getAll(q1)).containsExactly("into x1", "into x2");
            assertThat(s.getAll(q2)).containsExactly("into x1", "into x2");
        }
    }

    @EachBroker
    void selfBinding(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("fanout");
            s.channel.exchangeBind(x, x, "");
            String q = s.queue();
            s.channel.queueBind(q, x, "");
            s.publish(x, "", null, "m");
            assertThat(s.getAll(q)).containsExactly("m");
        }
    }
}
