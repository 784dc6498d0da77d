package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default exchange ("") routes by queue name and cannot be bound, unbound, deleted or
 * declared, even passively: each gets 403.
 */
class DefaultExchangeIsProtected {
    private static final String REFUSED = "ACCESS_REFUSED - operation not permitted on the default exchange";

    @EachBroker
    void bindQueue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            assertThat(Amqp.failure(s.channel, () -> s.channel.queueBind(q, "", "k")))
                    .isEqualTo(Failure.channel(AMQP.ACCESS_REFUSED, REFUSED, 50, 20));
        }
    }

    @EachBroker
    void unbindQueue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            assertThat(Amqp.failure(s.channel, () -> s.channel.queueUnbind(q, "", q)))
                    .isEqualTo(Failure.channel(AMQP.ACCESS_REFUSED, REFUSED, 50, 50));
        }
    }

    @EachBroker
    void bindAsExchangeSource(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("fanout");
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeBind(x, "", "k")))
                    .isEqualTo(Failure.channel(AMQP.ACCESS_REFUSED, REFUSED, 40, 30));
        }
    }

    @EachBroker
    void bindAsExchangeDestination(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("fanout");
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeBind("", x, "k")))
                    .isEqualTo(Failure.channel(AMQP.ACCESS_REFUSED, REFUSED, 40, 30));
        }
    }

    @EachBroker
    void delete(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeDelete("")))
                    .isEqualTo(Failure.channel(AMQP.ACCESS_REFUSED, REFUSED, 40, 20));
        }
    }

    @EachBroker
    void declare(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeDeclare("", "direct", true)))
                    .isEqualTo(Failure.channel(AMQP.ACCESS_REFUSED, REFUSED, 40, 10));
        }
    }

    /** Even a passive declare of "" is refused. */
    @EachBroker
    void passiveDeclare(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeDeclarePassive("")))
                    .isEqualTo(Failure.channel(AMQP.ACCESS_REFUSED, REFUSED, 40, 10));
        }
    }

    @EachBroker
    void routesByQueueName(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            String other = s.queue();
            s.send(q, "for q");
            assertThat(s.getAll(q)).containsExactly("for q");
            assertThat(s.getAll(other)).isEmpty();
        }
    }
}
