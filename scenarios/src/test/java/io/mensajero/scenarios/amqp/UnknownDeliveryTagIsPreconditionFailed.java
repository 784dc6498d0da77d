package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledging a delivery tag the channel never issued, or one already settled, closes the
 * channel with 406 naming the tag.
 */
class UnknownDeliveryTagIsPreconditionFailed {

    private static Failure unknown(long tag, int methodId) {
        return Failure.channel(AMQP.PRECONDITION_FAILED, "PRECONDITION_FAILED - unknown delivery tag " + tag, 60, methodId);
    }

    @EachBroker
    void ackOfATagNeverIssued(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicAck(7, false))).isEqualTo(unknown(7, 80));
        }
    }

    @EachBroker
    void multipleAckOfATagNeverIssued(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicAck(7, true))).isEqualTo(unknown(7, 80));
        }
    }

    @EachBroker
    void doubleAck(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "m");
            GetResponse r = s.channel.basicGet(q, false);
            long tag = r.getEnvelope().getDeliveryTag();
            s.channel.basicAck(tag, false);
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicAck(tag, false))).isEqualTo(unknown(tag, 80));
        }
    }

    @EachBroker
    void ackOfANoAckDelivery(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "m");
            long tag = s.channel.basicGet(q, true).getEnvelope().getDeliveryTag();
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicAck(tag, false))).isEqualTo(unknown(tag, 80));
        }
    }

    @EachBroker
    void nackOfATagNeverIssued(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicNack(3, false, true))).isEqualTo(unknown(3, 120));
        }
    }

    @EachBroker
    void rejectOfATagNeverIssued(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicReject(3, true))).isEqualTo(unknown(3, 90));
        }
    }

    @EachBroker
    void ackOnAnotherChannel(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "m");
            long tag = s.channel.basicGet(q, false).getEnvelope().getDeliveryTag();
            var other = s.newChannel();
            assertThat(Amqp.failure(other, () -> other.basicAck(tag, false))).isEqualTo(unknown(tag, 80));
            assertThat(s.passive(q).getMessageCount()).as("still unacked on its own channel").isZero();
        }
    }

    /** On a transactional channel the tag is checked at the ack, not at tx.commit. */
    @EachBroker
    void unknownTagInATransactionFailsAtOnce(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            s.channel.txSelect();
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicAck(5, false))).isEqualTo(unknown(5, 80));
        }
    }

    /** Acking tag 0 with multiple=true means "everything outstanding", and is fine with nothing outstanding. */
    @EachBroker
    void multipleAckOfZeroIsAccepted(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            s.channel.basicAck(0, true);
            Amqp.roundTrip(s.channel);
        }
    }
}
