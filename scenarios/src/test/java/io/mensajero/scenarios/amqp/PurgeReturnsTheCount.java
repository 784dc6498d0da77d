package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Channel;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * queue.purge removes the ready messages and returns how many; messages delivered and not yet
 * acknowledged are not purged and come back when their channel closes.
 */
class PurgeReturnsTheCount {

    @EachBroker
    void purgeCountsReadyMessages(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3");
            assertThat(s.channel.queuePurge(q).getMessageCount()).isEqualTo(3);
            assertThat(s.messageCount(q)).isZero();
            assertThat(s.channel.queuePurge(q).getMessageCount()).isZero();
        }
    }

    @EachBroker
    void unackedMessagesSurviveAPurge(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3");
            Channel holder = s.newChannel();
            assertThat(holder.basicGet(q, false).getBody()).asString().isEqualTo("1");
            assertThat(s.channel.queuePurge(q).getMessageCount()).isEqualTo(2);
            holder.close();
            s.awaitReady(q, 1);
            assertThat(s.getAll(q)).containsExactly("1");
        }
    }
}
