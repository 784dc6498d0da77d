package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * alternate-exchange: a message its exchange routes nowhere goes to the alternate exchange (and
 * on to that one's alternate, each exchange at most once). Routed there, it is not returned to a
 * mandatory publisher. An exchange that passes the message on through an exchange-to-exchange
 * binding has routed it, even if nothing downstream takes it.
 */
class AlternateExchangeTakesUnroutableMessages {

    @EachBroker
    void unroutableMessagesGoToTheAlternate(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String ae = f.exchange("fanout", null);
            String unrouted = f.queue(null);
            f.bind(unrouted, ae, "");
            String x = f.exchange("direct", args("alternate-exchange", ae));
            String routed = f.queue(null);
            f.bind(routed, x, "known");
            f.publish(x, "known", null, "to-routed");
            f.publish(x, "unknown", null, "to-alternate");
            GetResponse r = f.awaitGet(unrouted);
            assertThat(Fixture.text(r.getBody())).isEqualTo("to-alternate");
            assertThat(r.getEnvelope().getExchange()).as("the exchange it was published to").isEqualTo(x);
            assertThat(r.getEnvelope().getRoutingKey()).isEqualTo("unknown");
            assertThat(f.drain(routed)).containsExactly("to-routed");
            assertThat(f.drain(unrouted)).isEmpty();
        }
    }

    @EachBroker
    void aMandatoryMessageTheAlternateRoutesIsNotReturned(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String ae = f.exchange("fanout", null);
            String q = f.queue(null);
            f.bind(q, ae, "");
            String x = f.exchange("direct", args("alternate-exchange", ae));
            String lonely = f.exchange("direct", args("alternate-exchange", f.exchangeName("missing")));
            Channel ch = f.connection.createChannel();
            ch.confirmSelect();
            BlockingQueue<String> returns = new LinkedBlockingQueue<>();
            ch.addReturnListener(r -> returns.add(r.getExchange() + "/" + r.getRoutingKey()));
            ch.basicPublish(x, "nobody", true, null, Fixture.bytes("kept"));
            ch.basicPublish(lonely, "nobody", true, null, Fixture.bytes("returned"));
            ch.waitForConfirmsOrDie(Fixture.PATIENCE.toMillis());
            assertThat(returns.poll(Fixture.PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                    .isEqualTo(lonely + "/nobody");
            assertThat(returns).isEmpty();
            assertThat(f.drain(q)).containsExactly("kept");
        }
    }

    @EachBroker
    void alternatesChainAndACycleEnds(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String a = f.exchangeName("a");
            String b = f.exchangeName("b");
            String c = f.exchangeName("c");
            f.channel.exchangeDeclare(a, "direct", false, false, args("alternate-exchange", b));
            f.channel.exchangeDeclare(b, "direct", false, false, args("alternate-exchange", c));
            f.channel.exchangeDeclare(c, "direct", false, false, args("alternate-exchange", a));
            String q = f.queue(null);
            f.bind(q, c, "c-key");
            f.publish(a, "c-key", null, "through-b-to-c");
            f.publish(a, "nowhere", null, "dropped");
            assertThat(f.awaitGet(q).getBody()).isEqualTo(Fixture.bytes("through-b-to-c"));
            assertThat(f.publishAcked(a, "nowhere", null, "cycle-ends")).isTrue();
            assertThat(f.drain(q)).isEmpty();
        }
    }

    @EachBroker
    void anExchangeThatPassesTheMessageOnHasRoutedIt(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String ae = f.exchange("fanout", null);
            String caught = f.queue(null);
            f.bind(caught, ae, "");
            String x = f.exchange("direct", args("alternate-exchange", ae));
            String downstream = f.exchange("direct", null);
            f.channel.exchangeBind(downstream, x, "k");
            f.publish(x, "k", null, "passed-on-lost");
            f.publish(x, "other", null, "caught");
            assertThat(f.awaitGet(caught).getBody()).isEqualTo(Fixture.bytes("caught"));
            assertThat(f.drain(caught)).isEmpty();
        }
    }

    @EachBroker
    void anExchangeReachedByBindingUsesItsOwnAlternate(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String ae = f.exchange("fanout", null);
            String caught = f.queue(null);
            f.bind(caught, ae, "");
            String inner = f.exchange("direct", args("alternate-exchange", ae));
            String outer = f.exchange("topic", null);
            f.channel.exchangeBind(inner, outer, "#");
            f.publish(outer, "anything", null, "via-inner-alternate");
            assertThat(f.awaitGet(caught).getBody()).isEqualTo(Fixture.bytes("via-inner-alternate"));
        }
    }

    @EachBroker
    void anAlternateDeclaredLaterIsUsedFromThenOn(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String ae = f.exchangeName("late");
            String x = f.exchange("direct", args("alternate-exchange", ae));
            f.publish(x, "k", null, "before");
            f.channel.exchangeDeclare(ae, "fanout", false, false, null);
            String q = f.queue(null);
            f.bind(q, ae, "");
            f.publish(x, "k", null, "after");
            assertThat(f.awaitGet(q).getBody()).isEqualTo(Fixture.bytes("after"));
            assertThat(f.drain(q)).isEmpty();
        }
    }
}
