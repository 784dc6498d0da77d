package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exclusive consumer needs a queue without consumers, and keeps other consumers out while it
 * exists: both conflicts get 403 on the channel that tried.
 */
class ExclusiveConsumerConflictsAreRefused {

    private static Failure inExclusiveUse(String queue) {
        return Failure.channel(AMQP.ACCESS_REFUSED, "ACCESS_REFUSED - queue '" + queue + "' in vhost '/' in exclusive use", 60, 20);
    }

    @EachBroker
    void exclusiveConsumeOnAQueueWithConsumers(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.basicConsume(q, new Inbox(s.channel));
            Channel other = s.newChannel();
            assertThat(Amqp.failure(other, () -> other.basicConsume(q, false, "", false, true, Map.of(), new Inbox(other))))
                    .isEqualTo(inExclusiveUse(q));
        }
    }

    @EachBroker
    void consumeOnAQueueWithAnExclusiveConsumer(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.basicConsume(q, false, "", false, true, Map.of(), new Inbox(s.channel));
            Channel other = s.newChannel();
            assertThat(Amqp.failure(other, () -> other.basicConsume(q, new Inbox(other))))
                    .isEqualTo(inExclusiveUse(q));
        }
    }

    @EachBroker
    void sameChannelIsRefusedToo(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.basicConsume(q, false, "", false, true, Map.of(), new Inbox(s.channel));
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicConsume(q, new Inbox(s.channel))))
                    .isEqualTo(inExclusiveUse(q));
        }
    }

    @EachBroker
    void exclusiveConsumerCancelledFreesTheQueue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            String tag = s.channel.basicConsume(q, false, "", false, true, Map.of(), new Inbox(s.channel));
            s.channel.basicCancel(tag);
            Inbox other = new Inbox(s.newChannel());
            other.getChannel().basicConsume(q, true, other);
            s.send(q, "after");
            assertThat(other.nextBodies(1)).containsExactly("after");
        }
    }
}
