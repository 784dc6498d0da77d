package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a queue is deleted its consumers get a basic.cancel from the broker (the
 * consumer_cancel_notify capability), and their channels stay open.
 */
class DeletedQueueCancelsItsConsumers {

    @EachBroker
    void brokerSendsBasicCancel(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            Inbox first = new Inbox(s.channel);
            String firstTag = s.channel.basicConsume(q, false, first);
            var otherChannel = s.newChannel();
            Inbox second = new Inbox(otherChannel);
            String secondTag = otherChannel.basicConsume(q, false, second);
            s.newChannel().queueDelete(q);
            assertThat(first.cancelledByBroker.get(5, TimeUnit.SECONDS)).isEqualTo(firstTag);
            assertThat(second.cancelledByBroker.get(5, TimeUnit.SECONDS)).isEqualTo(secondTag);
            Amqp.roundTrip(s.channel);
            Amqp.roundTrip(otherChannel);
        }
    }

    @EachBroker
    void noCancelWhenTheClientCancels(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            Inbox inbox = new Inbox(s.channel);
            String tag = s.channel.basicConsume(q, false, inbox);
            s.channel.basicCancel(tag);
            s.channel.queueDelete(q);
            Amqp.settle(s.channel);
            assertThat(inbox.cancelledByBroker).isNotDone();
        }
    }
}
