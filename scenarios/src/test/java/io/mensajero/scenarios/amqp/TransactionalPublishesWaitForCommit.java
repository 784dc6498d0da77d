package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a transactional channel publishes reach their queues only at tx.commit; tx.rollback, or
 * closing the channel, discards them. A channel can run many transactions in turn.
 */
class TransactionalPublishesWaitForCommit {

    @EachBroker
    void invisibleUntilCommit(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.txSelect();
            s.channel.basicPublish("", q, null, Amqp.bytes("1"));
            s.channel.basicPublish("", q, null, Amqp.bytes("2"));
            Amqp.settle(s.channel);
            assertThat(s.messageCount(q)).isZero();
            s.channel.txCommit();
            assertThat(s.getAll(q)).containsExactly("1", "2");
        }
    }

    @EachBroker
    void rollbackDiscards(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.txSelect();
            s.channel.basicPublish("", q, null, Amqp.bytes("never"));
            s.channel.txRollback();
            Amqp.settle(s.channel);
            assertThat(s.messageCount(q)).isZero();
        }
    }

    @EachBroker
    void closeDiscards(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            var tx = s.newChannel();
            tx.txSelect();
            tx.basicPublish("", q, null, Amqp.bytes("never"));
            tx.close();
            assertThat(s.messageCount(q)).isZero();
        }
    }

    @EachBroker
    void severalTransactionsInTurn(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.txSelect();
            s.channel.basicPublish("", q, null, Amqp.bytes("a"));
            s.channel.txCommit();
            s.channel.basicPublish("", q, null, Amqp.bytes("b"));
            s.channel.txRollback();
            s.channel.basicPublish("", q, null, Amqp.bytes("c"));
            s.channel.basicPublish("", q, null, Amqp.bytes("d"));
            s.channel.txCommit();
            s.channel.txCommit();
            assertThat(s.getAll(q)).containsExactly("a", "c", "d");
        }
    }
}
