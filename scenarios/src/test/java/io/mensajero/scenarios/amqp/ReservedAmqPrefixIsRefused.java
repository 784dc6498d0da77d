package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients may not create exchanges or queues whose names start with {@code amq.} (403), but
 * may redeclare the predefined {@code amq.*} exchanges with their own properties.
 */
class ReservedAmqPrefixIsRefused {

    @EachBroker
    void exchange(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = Names.unique("amq.mensajero");
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeDeclare(x, "direct")))
                    .isEqualTo(Failure.channel(AMQP.ACCESS_REFUSED,
                            "ACCESS_REFUSED - exchange name '" + x + "' contains reserved prefix 'amq.*'", 40, 10));
        }
    }

    @EachBroker
    void queue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = Names.unique("amq.mensajero");
            assertThat(Amqp.failure(s.channel, () -> s.channel.queueDeclare(q, false, false, false, null)))
                    .isEqualTo(Failure.channel(AMQP.ACCESS_REFUSED,
                            "ACCESS_REFUSED - queue name '" + q + "' contains reserved prefix 'amq.*'", 50, 10));
        }
    }

    @EachBroker
    void predefinedExchangeMayBeRedeclaredAsItIs(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            s.channel.exchangeDeclare("amq.direct", "direct", true);
            Amqp.roundTrip(s.channel);
        }
    }
}
