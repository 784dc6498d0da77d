package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An internal exchange refuses publishes from clients (403, channel closed) yet routes what
 * reaches it through an exchange-to-exchange binding.
 */
class InternalExchangeOnlyTakesMessagesFromExchanges {

    @EachBroker
    void publishIsRefused(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchangeName("internal");
            s.channel.exchangeDeclare(x, "fanout", false, false, true, null);
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicPublish(x, "", null, Amqp.bytes("m"))))
                    .isEqualTo(Failure.channel(AMQP.ACCESS_REFUSED,
                            "ACCESS_REFUSED - cannot publish to internal exchange '" + x + "' in vhost '/'", 60, 40));
        }
    }

    @EachBroker
    void routesWhatAnotherExchangeSendsIt(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String internal = s.exchangeName("internal");
            s.channel.exchangeDeclare(internal, "fanout", false, false, true, null);
            String front = s.exchange("fanout");
            s.channel.exchangeBind(internal, front, "");
            String q = s.queue();
            s.channel.queueBind(q, internal, "");
            s.publish(front, "", null, "via front");
            assertThat(s.getAll(q)).containsExactly("via front");
        }
    }
}
