package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auto-delete exchange is deleted when the last binding with it as source goes, whether
 * unbound or removed with its queue; one that was never bound stays.
 */
class AutoDeleteExchangeGoesWithItsLastBinding {

    private static String autoDeleteExchange(Session s) throws Exception {
        String x = s.exchangeName("auto");
        s.channel.exchangeDeclare(x, "fanout", false, true, null);
        return x;
    }

    @EachBroker
    void neverBoundStays(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = autoDeleteExchange(s);
            Amqp.settle(s.channel);
            assertThat(s.exchangeExists(x)).isTrue();
        }
    }

    @EachBroker
    void lastUnbindDeletesIt(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = autoDeleteExchange(s);
            String q1 = s.queue();
            String q2 = s.queue();
            s.channel.queueBind(q1, x, "");
            s.channel.queueBind(q2, x, "");
            s.channel.queueUnbind(q1, x, "");
            assertThat(s.exchangeExists(x)).as("one binding left").isTrue();
            s.channel.queueUnbind(q2, x, "");
            assertThat(s.exchangeExists(x)).as("no binding left").isFalse();
        }
    }

    @EachBroker
    void deletingTheBoundQueueDeletesIt(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = autoDeleteExchange(s);
            String q = s.queue();
            s.channel.queueBind(q, x, "");
            s.channel.queueDelete(q);
            assertThat(s.exchangeExists(x)).isFalse();
        }
    }

    @EachBroker
    void lastExchangeToExchangeUnbindDeletesIt(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = autoDeleteExchange(s);
            String destination = s.exchange("fanout");
            s.channel.exchangeBind(destination, x, "");
            s.channel.exchangeUnbind(destination, x, "");
            assertThat(s.exchangeExists(x)).isFalse();
            assertThat(s.exchangeExists(destination)).isTrue();
        }
    }
}
