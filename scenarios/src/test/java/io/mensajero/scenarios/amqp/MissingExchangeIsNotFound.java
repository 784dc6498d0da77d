package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every method naming an exchange that does not exist gets a 404 channel error naming it, except
 * exchange.delete, which is idempotent and succeeds.
 */
class MissingExchangeIsNotFound {

    private static Failure notFound(String exchange, int classId, int methodId) {
        return Failure.channel(AMQP.NOT_FOUND, "NOT_FOUND - no exchange '" + exchange + "' in vhost '/'", classId, methodId);
    }

    @EachBroker
    void passiveDeclare(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = Names.unique("missing");
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeDeclarePassive(x)))
                    .isEqualTo(notFound(x, 40, 10));
        }
    }

    @EachBroker
    void queueBind(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            String x = Names.unique("missing");
            assertThat(Amqp.failure(s.channel, () -> s.channel.queueBind(q, x, "k")))
                    .isEqualTo(notFound(x, 50, 20));
        }
    }

    @EachBroker
    void publish(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = Names.unique("missing");
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicPublish(x, "k", null, Amqp.bytes("m"))))
                    .isEqualTo(notFound(x, 60, 40));
        }
    }

    @EachBroker
    void exchangeBindToMissingSource(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String destination = s.exchange("fanout");
            String source = Names.unique("missing");
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeBind(destination, source, "")))
                    .isEqualTo(notFound(source, 40, 30));
        }
    }

    @EachBroker
    void exchangeBindToMissingDestination(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String source = s.exchange("fanout");
            String destination = Names.unique("missing");
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeBind(destination, source, "")))
                    .isEqualTo(notFound(destination, 40, 30));
        }
    }

    /** exchange.delete is idempotent: deleting an exchange that does not exist is not an error. */
    @EachBroker
    void deleteIsNotAnError(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            s.channel.exchangeDelete(Names.unique("missing"));
            Amqp.roundTrip(s.channel);
        }
    }
}
