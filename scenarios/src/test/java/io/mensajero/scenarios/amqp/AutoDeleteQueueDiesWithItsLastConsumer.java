package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Channel;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An auto-delete queue is deleted when its last consumer goes (cancelled or its channel
 * closed), not before; one that never had a consumer stays, even when read with basic.get.
 */
class AutoDeleteQueueDiesWithItsLastConsumer {

    private static String autoDeleteQueue(Session s) throws Exception {
        String q = s.queueName("auto");
        s.channel.queueDeclare(q, false, false, true, null);
        return q;
    }

    @EachBroker
    void neverConsumedStays(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = autoDeleteQueue(s);
            s.send(q, "m");
            assertThat(s.channel.basicGet(q, true)).isNotNull();
            Amqp.settle(s.channel);
            assertThat(s.queueExists(q)).isTrue();
        }
    }

    @EachBroker
    void lastCancelDeletesIt(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = autoDeleteQueue(s);
            String first = s.channel.basicConsume(q, new Inbox(s.channel));
            Channel other = s.newChannel();
            String second = other.basicConsume(q, new Inbox(other));
            s.channel.basicCancel(first);
            assertThat(s.queueExists(q)).as("one consumer left").isTrue();
            other.basicCancel(second);
            await().atMost(Amqp.PATIENCE).until(() -> !s.queueExists(q));
        }
    }

    @EachBroker
    void closingTheLastConsumersChannelDeletesIt(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = autoDeleteQueue(s);
            Channel consuming = s.newChannel();
            consuming.basicConsume(q, new Inbox(consuming));
            consuming.close();
            await().atMost(Amqp.PATIENCE).until(() -> !s.queueExists(q));
        }
    }
}
