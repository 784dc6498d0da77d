package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/** queue.delete-ok reports the ready messages deleted with the queue (not the unacknowledged ones). */
class QueueDeleteReturnsTheCount {

    @EachBroker
    void readyMessages(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3");
            assertThat(s.channel.queueDelete(q).getMessageCount()).isEqualTo(3);
            assertThat(s.queueExists(q)).isFalse();
        }
    }

    @EachBroker
    void unackedMessagesAreNotCounted(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3");
            var holder = s.newChannel();
            holder.basicGet(q, false);
            assertThat(s.channel.queueDelete(q).getMessageCount()).isEqualTo(2);
        }
    }
}
