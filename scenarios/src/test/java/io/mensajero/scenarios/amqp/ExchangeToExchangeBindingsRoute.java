package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exchange bound to another receives what the source routes to it by the binding key, and
 * routes it again with the original routing key; unbinding or deleting the destination stops it.
 */
class ExchangeToExchangeBindingsRoute {

    @EachBroker
    void sourceBindingKeyThenDestinationRouting(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String source = s.exchange("topic");
            String destination = s.exchange("direct");
            s.channel.exchangeBind(destination, source, "a.*");
            String q = s.queue();
            s.channel.queueBind(q, destination, "a.b");
            s.publish(source, "a.b", null, "a.b");   // passes both
            s.publish(source, "a.c", null, "a.c");   // passes the source, not the destination
            s.publish(source, "x.b", null, "x.b");   // stopped at the source
            assertThat(s.getAll(q)).containsExactly("a.b");
        }
    }

    @EachBroker
    void unbindStopsIt(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String source = s.exchange("fanout");
            String destination = s.exchange("fanout");
            String q = s.queue();
            s.channel.queueBind(q, destination, "");
            s.channel.exchangeBind(destination, source, "");
            s.publish(source, "", null, "bound");
            s.channel.exchangeUnbind(destination, source, "");
            s.publish(source, "", null, "unbound");
            assertThat(s.getAll(q)).containsExactly("bound");
        }
    }

    @EachBroker
    void deletingTheDestinationRemovesTheBinding(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String source = s.exchange("fanout");
            String destination = s.exchange("fanout");
            s.channel.exchangeBind(destination, source, "");
            s.channel.exchangeDelete(destination);
            s.channel.exchangeDeclare(destination, "fanout");
            String q = s.queue();
            s.channel.queueBind(q, destination, "");
            s.publish(source, "", null, "after");
            assertThat(s.getAll(q)).isEmpty();
        }
    }

    @EachBroker
    void chainOfThree(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x1 = s.exchange("fanout");
            String x2 = s.exchange("fanout");
            String x3 = s.exchange("fanout");
            s.channel.exchangeBind(x2, x1, "");
            s.channel.exchangeBind(x3, x2, "");
            String q = s.queue();
            s.channel.queueBind(q, x3, "");
            s.publish(x1, "", null, "far");
            assertThat(s.getAll(q)).containsExactly("far");
        }
    }
}
