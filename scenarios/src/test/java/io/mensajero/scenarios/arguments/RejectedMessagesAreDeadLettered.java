package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.List;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * x-dead-letter-exchange and x-dead-letter-routing-key: a message rejected or nacked without
 * requeue is republished to the dead-letter exchange, with its routing keys (or the dead-letter
 * routing key, which also drops the CC header), from the exchange it was published to, with an
 * x-death entry and the x-first-death-* headers; requeued messages are not dead-lettered, and
 * without a dead-letter exchange (or with one that does not exist) the message is dropped.
 */
class RejectedMessagesAreDeadLettered {

    /** A dead-letter queue bound to a fanout exchange: where dead letters are looked at. */
    private static String[] deadLetterQueue(Fixture f) throws Exception {
        String dlx = f.exchange("fanout", null);
        String dlq = f.queue(null);
        f.bind(dlq, dlx, "");
        return new String[] {dlx, dlq};
    }

    @EachBroker
    void aRejectedMessageArrivesWithItsHistory(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String[] dl = deadLetterQueue(f);
            String q = f.queue(args("x-dead-letter-exchange", dl[0]));
            String x = f.exchange("direct", null);
            f.bind(q, x, "orders");
            f.publish(x, "orders", new AMQP.BasicProperties.Builder().headers(args("CC", List.of("copies"),
                    "app", "kept")).messageId("m-1").build(), "bad");
            GetResponse r = f.channel.basicGet(q, false);
            f.channel.basicReject(r.getEnvelope().getDeliveryTag(), false);
            GetResponse dead = f.awaitGet(dl[1]);
            assertThat(Fixture.text(dead.getBody())).isEqualTo("bad");
            assertThat(dead.getEnvelope().getExchange()).isEqualTo(dl[0]);
            assertThat(dead.getEnvelope().getRoutingKey()).isEqualTo("orders");
            assertThat(dead.getEnvelope().isRedeliver()).isFalse();
            assertThat(dead.getProps().getMessageId()).isEqualTo("m-1");
            assertThat(Deaths.of(dead)).containsExactly(
                    Deaths.Death.of(1, "rejected", q, x, "orders", "copies"));
            assertThat(Deaths.firstAndLast(dead)).isEqualTo(Deaths.first("rejected", q, x));
            assertThat(dead.getProps().getHeaders()).containsKeys("CC", "app");
            assertThat(f.ready(q)).isZero();
        }
    }

    @EachBroker
    void nackWithoutRequeueDeadLettersRequeueDoesNot(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String[] dl = deadLetterQueue(f);
            String q = f.queue(args("x-dead-letter-exchange", dl[0]));
            f.send(q, "n1", "n2", "n3");
            Channel ch = f.connection.createChannel();
            GetResponse first = ch.basicGet(q, false);
            ch.basicNack(first.getEnvelope().getDeliveryTag(), false, true);
            f.awaitReady(q, 3);
            GetResponse a = ch.basicGet(q, false);
            GetResponse b = ch.basicGet(q, false);
            ch.basicNack(b.getEnvelope().getDeliveryTag(), true, false);
            f.awaitReady(dl[1], 2);
            List<String> dead = f.drain(dl[1]);
            assertThat(dead).containsExactly(Fixture.text(a.getBody()), Fixture.text(b.getBody()));
            assertThat(f.drain(q)).containsExactly("n3");
        }
    }

    @EachBroker
    void theDeadLetterRoutingKeyReplacesTheKeysAndDropsCc(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String dlx = f.exchange("direct", null);
            String dlq = f.queue(null);
            f.bind(dlq, dlx, "dead");
            String q = f.queue(args("x-dead-letter-exchange", dlx, "x-dead-letter-routing-key", "dead"));
            f.publish("", q, new AMQP.BasicProperties.Builder().headers(args("CC", List.of("elsewhere"))).build(),
                    "rerouted");
            GetResponse r = f.channel.basicGet(q, false);
            f.channel.basicNack(r.getEnvelope().getDeliveryTag(), false, false);
            GetResponse dead = f.awaitGet(dlq);
            assertThat(dead.getEnvelope().getRoutingKey()).isEqualTo("dead");
            assertThat(dead.getProps().getHeaders()).doesNotContainKey("CC");
            assertThat(Deaths.of(dead)).containsExactly(Deaths.Death.of(1, "rejected", q, "", q, "elsewhere"));
        }
    }

    @EachBroker
    void theDefaultExchangeCanBeTheDeadLetterExchange(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String dlq = f.queue(null);
            String q = f.queue(args("x-dead-letter-exchange", "", "x-dead-letter-routing-key", dlq));
            f.send(q, "to-default");
            GetResponse r = f.channel.basicGet(q, false);
            f.channel.basicReject(r.getEnvelope().getDeliveryTag(), false);
            GetResponse dead = f.awaitGet(dlq);
            assertThat(dead.getEnvelope().getExchange()).isEmpty();
            assertThat(Deaths.of(dead)).containsExactly(Deaths.Death.of(1, "rejected", q, "", q));
        }
    }

    @EachBroker
    void withoutADeadLetterExchangeThatExistsTheMessageIsDropped(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String none = f.queue(null);
            String missing = f.queue(args("x-dead-letter-exchange", f.exchangeName("missing")));
            String[] dl = deadLetterQueue(f);
            String control = f.queue(args("x-dead-letter-exchange", dl[0]));
            for (String q : List.of(none, missing, control)) {
                f.send(q, "from-" + q);
                GetResponse r = f.channel.basicGet(q, false);
                f.channel.basicReject(r.getEnvelope().getDeliveryTag(), false);
            }
            assertThat(f.awaitGet(dl[1]).getBody()).isEqualTo(Fixture.bytes("from-" + control));
            assertThat(f.ready(none) + f.ready(missing) + f.ready(dl[1])).isZero();
        }
    }

    @EachBroker
    void aClosedChannelRequeuesInsteadOfDeadLettering(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String[] dl = deadLetterQueue(f);
            String q = f.queue(args("x-dead-letter-exchange", dl[0]));
            f.send(q, "held");
            Channel ch = f.connection.createChannel();
            assertThat(ch.basicGet(q, false)).isNotNull();
            ch.close();
            f.awaitReady(q, 1);
            assertThat(f.ready(dl[1])).isZero();
        }
    }
}
