package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.List;
import java.util.Map;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sender-selected distribution: the CC and BCC headers (arrays of strings) are routing keys the
 * message is also routed by, on the exchange it was published to. CC stays in the headers; BCC
 * is removed before any queue gets the message. A queue reached by several keys gets the
 * message once. The delivery's routing key is the one published.
 */
class CcAndBccHeadersRouteToMoreQueues {

    private static AMQP.BasicProperties headers(Map<String, Object> headers) {
        return new AMQP.BasicProperties.Builder().headers(headers).build();
    }

    @EachBroker
    void ccAndBccReachTheirQueuesAndBccIsRemoved(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String x = f.exchange("direct", null);
            String main = f.queue(null);
            String copy = f.queue(null);
            String blind = f.queue(null);
            f.bind(main, x, "main");
            f.bind(copy, x, "copy");
            f.bind(blind, x, "blind");
            f.publish(x, "main", headers(args("CC", List.of("copy"), "BCC", List.of("blind"), "other", "kept")),
                    "memo");
            for (String q : List.of(main, copy, blind)) {
                GetResponse r = f.awaitGet(q);
                assertThat(Fixture.text(r.getBody())).isEqualTo("memo");
                assertThat(r.getEnvelope().getRoutingKey()).isEqualTo("main");
                Map<String, Object> h = r.getProps().getHeaders();
                assertThat(h).containsOnlyKeys("CC", "other");
                assertThat(h.get("CC").toString()).isEqualTo("[copy]");
            }
        }
    }

    @EachBroker
    void topicPatternsMatchEachKeyAndAQueueGetsTheMessageOnce(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String x = f.exchange("topic", null);
            String eu = f.queue(null);
            String all = f.queue(null);
            f.bind(eu, x, "orders.eu.*");
            f.bind(all, x, "orders.#");
            f.publish(x, "orders.us.new", headers(args("CC", List.of("orders.eu.new", "orders.eu.old"))), "o1");
            f.publish(x, "nothing", headers(args("BCC", List.of("orders.eu.x"))), "o2");
            f.awaitReady(eu, 2);
            assertThat(f.drain(eu)).containsExactly("o1", "o2");
            assertThat(f.drain(all)).containsExactly("o1", "o2");
        }
    }

    @EachBroker
    void theDefaultExchangeRoutesCcToQueuesByName(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String a = f.queue(null);
            String b = f.queue(null);
            f.publish("", a, headers(args("CC", List.of(b, "no-such-queue"), "BCC", List.of(b))), "both");
            assertThat(f.awaitGet(b).getProps().getHeaders()).doesNotContainKey("BCC");
            assertThat(f.awaitGet(a).getBody()).isEqualTo(Fixture.bytes("both"));
            assertThat(f.drain(b)).isEmpty();
        }
    }

    @EachBroker
    void fanoutAndHeadersExchangesIgnoreTheKeysButBccStillGoes(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String x = f.exchange("fanout", null);
            String q = f.queue(null);
            f.bind(q, x, "");
            f.publish(x, "", headers(args("BCC", List.of("a", "b"))), "once");
            GetResponse r = f.awaitGet(q);
            assertThat(r.getProps().getHeaders()).isEmpty();
            assertThat(f.drain(q)).isEmpty();
        }
    }

    @EachBroker
    void elementsThatAreNotStringsAreSkipped(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String x = f.exchange("direct", null);
            String q = f.queue(null);
            f.bind(q, x, "k");
            f.publish(x, "none", headers(args("CC", List.of(5, "k", true))), "skipped-some");
            assertThat(f.awaitGet(q).getBody()).isEqualTo(Fixture.bytes("skipped-some"));
        }
    }

    @EachBroker
    void ccOrBccThatIsNotAnArrayIsRefused(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(null);
            for (Object[] c : new Object[][] {{"CC", "copy", "longstr"}, {"BCC", 5, "signedint"},
                    {"CC", args("a", 1), "table"}}) {
                Amqp.Failure failure = f.failure(ch -> ch.basicPublish("", q, headers(args(c[0], c[1])),
                        Fixture.bytes("refused")));
                assertThat(failure).isEqualTo(Amqp.Failure.channel(406,
                        "PRECONDITION_FAILED - invalid message: {unacceptable_type_in_header,\"" + c[0] + "\","
                                + c[2] + "}", 60, 40));
            }
            assertThat(f.ready(q)).isZero();
        }
    }
}
