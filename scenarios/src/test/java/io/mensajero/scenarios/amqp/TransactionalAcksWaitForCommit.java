package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Channel;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a transactional channel acks take effect at tx.commit. After tx.rollback the acked
 * messages are still unacked on the channel: they can be acked again, and closing the channel
 * requeues them.
 */
class TransactionalAcksWaitForCommit {

    @EachBroker
    void commitAppliesAcks(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2");
            Channel tx = s.newChannel();
            tx.txSelect();
            long[] tags = Gets.hold(tx, q, 2);
            tx.basicAck(tags[0], false);
            tx.txCommit();
            tx.close();
            s.awaitReady(q, 1);
            assertThat(Gets.drainMarked(s.channel, q)).containsExactly("2*");
        }
    }

    @EachBroker
    void rollbackLeavesThemUnacked(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2");
            Channel tx = s.newChannel();
            tx.txSelect();
            long[] tags = Gets.hold(tx, q, 2);
            tx.basicAck(tags[1], true);
            tx.txRollback();
            tx.close();
            s.awaitReady(q, 2);
            assertThat(Gets.drainMarked(s.channel, q)).containsExactly("1*", "2*");
        }
    }

    @EachBroker
    void ackAgainAfterRollback(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2");
            Channel tx = s.newChannel();
            tx.txSelect();
            long[] tags = Gets.hold(tx, q, 2);
            tx.basicAck(tags[0], false);
            tx.txRollback();
            tx.basicAck(tags[0], false);
            tx.basicAck(tags[1], false);
            tx.txCommit();
            tx.close();
            assertThat(Gets.drainMarked(s.channel, q)).isEmpty();
        }
    }

    @EachBroker
    void uncommittedAckIsUndoneByClose(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1");
            Channel tx = s.newChannel();
            tx.txSelect();
            tx.basicAck(Gets.hold(tx, q, 1)[0], false);
            tx.close();
            s.awaitReady(q, 1);
            assertThat(Gets.drainMarked(s.channel, q)).containsExactly("1*");
        }
    }
}
