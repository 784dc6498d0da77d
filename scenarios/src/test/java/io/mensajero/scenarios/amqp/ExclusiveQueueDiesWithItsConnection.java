package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An exclusive queue outlives the channel that declared it but is deleted, with its messages,
 * when its connection closes, cleanly or not.
 */
class ExclusiveQueueDiesWithItsConnection {

    @EachBroker
    void channelCloseKeepsIt(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            Channel declaring = s.newChannel();
            String q = declaring.queueDeclare(s.queueName("exclusive"), false, true, false, null).getQueue();
            declaring.close();
            assertThat(s.queueExists(q)).isTrue();
        }
    }

    @EachBroker
    void connectionCloseDeletesIt(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            Connection owner = s.newConnection();
            String q = owner.createChannel().queueDeclare(s.queueName("exclusive"), false, true, false, null).getQueue();
            s.send(q, "m");
            owner.close();
            await().atMost(Amqp.PATIENCE).until(() -> !s.queueExists(q));
        }
    }

    @EachBroker
    void connectionAbortDeletesIt(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            Connection owner = s.newConnection();
            String q = owner.createChannel().queueDeclare().getQueue();
            owner.abort();
            await().atMost(Amqp.PATIENCE).until(() -> !s.queueExists(q));
        }
    }
}
