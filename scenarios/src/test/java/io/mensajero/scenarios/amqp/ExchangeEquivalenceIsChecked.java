package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redeclaring an existing exchange with a different type, durable, auto-delete or internal
 * flag is refused with 406 naming the property and both values; an identical redeclare is
 * accepted.
 */
class ExchangeEquivalenceIsChecked {

    private static Failure inequivalent(String exchange, String arg, String received, String current) {
        return Failure.channel(AMQP.PRECONDITION_FAILED, "PRECONDITION_FAILED - inequivalent arg '" + arg
                + "' for exchange '" + exchange + "' in vhost '/': received '" + received + "' but current is '" + current + "'", 40, 10);
    }

    @EachBroker
    void identicalRedeclareIsAccepted(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("topic");
            s.channel.exchangeDeclare(x, "topic", false, false, null);
            Amqp.roundTrip(s.channel);
        }
    }

    @EachBroker
    void type(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("direct");
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeDeclare(x, "fanout", false, false, null)))
                    .isEqualTo(inequivalent(x, "type", "fanout", "direct"));
        }
    }

    @EachBroker
    void durable(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("direct");
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeDeclare(x, "direct", true, false, null)))
                    .isEqualTo(inequivalent(x, "durable", "true", "false"));
        }
    }

    @EachBroker
    void autoDelete(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("direct");
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeDeclare(x, "direct", false, true, null)))
                    .isEqualTo(inequivalent(x, "auto_delete", "true", "false"));
        }
    }

    @EachBroker
    void internal(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("direct");
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeDeclare(x, "direct", false, false, true, null)))
                    .isEqualTo(inequivalent(x, "internal", "true", "false"));
        }
    }

    @EachBroker
    void unknownType(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchangeName("x");
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeDeclare(x, "nonsense", false, false, null)))
                    .isEqualTo(Failure.connection(AMQP.COMMAND_INVALID, "COMMAND_INVALID - unknown exchange type 'nonsense'", 40, 10));
        }
    }
}
