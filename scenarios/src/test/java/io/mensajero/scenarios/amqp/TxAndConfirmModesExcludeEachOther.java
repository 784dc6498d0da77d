package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A channel is transactional or in confirm mode, never both: switching gets 406. Selecting the
 * same mode twice is fine.
 */
class TxAndConfirmModesExcludeEachOther {

    @EachBroker
    void txThenConfirm(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            s.channel.txSelect();
            assertThat(Amqp.failure(s.channel, s.channel::confirmSelect))
                    .isEqualTo(Failure.channel(AMQP.PRECONDITION_FAILED,
                            "PRECONDITION_FAILED - cannot switch from tx to confirm mode", 85, 10));
        }
    }

    @EachBroker
    void confirmThenTx(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            s.channel.confirmSelect();
            assertThat(Amqp.failure(s.channel, s.channel::txSelect))
                    .isEqualTo(Failure.channel(AMQP.PRECONDITION_FAILED,
                            "PRECONDITION_FAILED - cannot switch from confirm to tx mode", 90, 10));
        }
    }

    @EachBroker
    void sameModeTwice(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            s.channel.txSelect();
            s.channel.txSelect();
            var other = s.newChannel();
            other.confirmSelect();
            other.confirmSelect();
            Amqp.roundTrip(s.channel);
            Amqp.roundTrip(other);
        }
    }
}
