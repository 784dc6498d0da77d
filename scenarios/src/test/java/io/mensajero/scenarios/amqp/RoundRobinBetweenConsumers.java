package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Channel;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumers of one queue take turns: with two consumers, the first registered gets messages 1,
 * 3, 5..., the second 2, 4, 6...
 */
class RoundRobinBetweenConsumers {

    @EachBroker
    void twoConsumersOnTwoChannels(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            Channel c1 = s.newChannel();
            Channel c2 = s.newChannel();
            Inbox first = new Inbox(c1);
            Inbox second = new Inbox(c2);
            c1.basicConsume(q, true, first);
            c2.basicConsume(q, true, second);
            s.send(q, "1", "2", "3", "4", "5", "6", "7", "8");
            assertThat(first.nextBodies(4)).containsExactly("1", "3", "5", "7");
            assertThat(second.nextBodies(4)).containsExactly("2", "4", "6", "8");
        }
    }

    @EachBroker
    void threeConsumersOnOneChannel(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            Inbox a = new Inbox(s.channel);
            Inbox b = new Inbox(s.channel);
            Inbox c = new Inbox(s.channel);
            s.channel.basicConsume(q, true, a);
            s.channel.basicConsume(q, true, b);
            s.channel.basicConsume(q, true, c);
            s.send(q, "1", "2", "3", "4", "5", "6");
            assertThat(a.nextBodies(2)).containsExactly("1", "4");
            assertThat(b.nextBodies(2)).containsExactly("2", "5");
            assertThat(c.nextBodies(2)).containsExactly("3", "6");
        }
    }
}
