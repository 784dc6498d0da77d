package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/** tx.commit and tx.rollback on a channel that never sent tx.select get 406. */
class CommitNeedsATransactionalChannel {

    @EachBroker
    void commit(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, s.channel::txCommit))
                    .isEqualTo(Failure.channel(AMQP.PRECONDITION_FAILED,
                            "PRECONDITION_FAILED - channel is not transactional", 90, 20));
        }
    }

    @EachBroker
    void rollback(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, s.channel::txRollback))
                    .isEqualTo(Failure.channel(AMQP.PRECONDITION_FAILED,
                            "PRECONDITION_FAILED - channel is not transactional", 90, 30));
        }
    }
}
