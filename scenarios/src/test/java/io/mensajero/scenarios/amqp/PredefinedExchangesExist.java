package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every vhost has the durable exchanges amq.direct, amq.fanout, amq.topic, amq.headers and
 * amq.match with their types, and they cannot be deleted (403).
 */
class PredefinedExchangesExist {
    private static final Map<String, String> TYPES = Map.of(
            "amq.direct", "direct",
            "amq.fanout", "fanout",
            "amq.topic", "topic",
            "amq.headers", "headers",
            "amq.match", "headers");

    @EachBroker
    void eachExistsDurableWithItsType(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            for (var e : TYPES.entrySet()) {
                s.channel.exchangeDeclarePassive(e.getKey());
                // an equivalent redeclare succeeds only with the right type and durable=true
                s.channel.exchangeDeclare(e.getKey(), e.getValue(), true);
            }
            Amqp.roundTrip(s.channel);
        }
    }

    @EachBroker
    void redeclareWithAnotherTypeIsInequivalent(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeDeclare("amq.match", "topic", true)))
                    .isEqualTo(Failure.channel(AMQP.PRECONDITION_FAILED, "PRECONDITION_FAILED - inequivalent arg 'type'"
                            + " for exchange 'amq.match' in vhost '/': received 'topic' but current is 'headers'", 40, 10));
        }
    }

    @EachBroker
    void predefinedExchangeCannotBeDeleted(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            assertThat(Amqp.failure(s.channel, () -> s.channel.exchangeDelete("amq.fanout")))
                    .isEqualTo(Failure.channel(AMQP.ACCESS_REFUSED,
                            "ACCESS_REFUSED - deletion of system exchange 'amq.fanout' in vhost '/' not allowed", 40, 20));
            assertThat(s.exchangeExists("amq.fanout")).isTrue();
        }
    }

    @EachBroker
    void routeLikeTheirTypes(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String direct = s.queue();
            String fanout = s.queue();
            String topic = s.queue();
            String headers = s.queue();
            s.channel.queueBind(direct, "amq.direct", direct);
            s.channel.queueBind(fanout, "amq.fanout", "ignored");
            s.channel.queueBind(topic, "amq.topic", topic + ".#");
            s.channel.queueBind(headers, "amq.match", "", Map.of("x-match", "all", "to", headers));
            s.publish("amq.direct", direct, null, "d");
            s.publish("amq.fanout", "anything", null, "f");
            s.publish("amq.topic", topic + ".a.b", null, "t");
            s.publish("amq.headers", "", new AMQP.BasicProperties.Builder().headers(Map.of("to", headers)).build(), "h1");
            s.publish("amq.match", "", new AMQP.BasicProperties.Builder().headers(Map.of("to", headers)).build(), "h2");
            assertThat(s.getAll(direct)).containsExactly("d");
            assertThat(s.getAll(fanout)).containsExactly("f");
            assertThat(s.getAll(topic)).containsExactly("t");
            assertThat(s.getAll(headers)).containsExactly("h2");
        }
    }
}
