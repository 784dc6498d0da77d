package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Return;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.util.Date;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mandatory message no queue takes comes back as basic.return 312 NO_ROUTE with its exchange,
 * routing key, properties and body; a non-mandatory one is dropped silently, and a routed
 * mandatory one is not returned.
 */
class MandatoryUnroutableMessagesAreReturned {

    private static BlockingQueue<Return> returns(Session s) {
        BlockingQueue<Return> returns = new LinkedBlockingQueue<>();
        s.channel.addReturnListener(returns::add);
        return returns;
    }

    @EachBroker
    void returnedWithEverything(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            BlockingQueue<Return> returns = returns(s);
            String x = s.exchange("direct");
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                    .contentType("text/plain").contentEncoding("utf-8").deliveryMode(2).priority(3)
                    .correlationId("corr-1").replyTo("somewhere").expiration("60000").messageId("msg-1")
                    .timestamp(new Date(1_700_000_000_000L)).type("kind").userId("guest").appId("app")
                    .headers(Map.of("h", 42)).build();
            s.channel.basicPublish(x, "nobody", true, props, Amqp.bytes("body"));
            Return r = returns.poll(Amqp.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(r).isNotNull();
            assertThat(r.getReplyCode()).isEqualTo(AMQP.NO_ROUTE);
            assertThat(r.getReplyText()).isEqualTo("NO_ROUTE");
            assertThat(r.getExchange()).isEqualTo(x);
            assertThat(r.getRoutingKey()).isEqualTo("nobody");
            assertThat(Amqp.text(r.getBody())).isEqualTo("body");
            assertThat(r.getProperties().toString()).isEqualTo(props.toString());
            Amqp.settle(s.channel);
            assertThat(returns).as("returned once").isEmpty();
        }
    }

    @EachBroker
    void defaultExchangeToAMissingQueue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            BlockingQueue<Return> returns = returns(s);
            String missing = Names.unique("missing");
            s.channel.basicPublish("", missing, true, null, Amqp.bytes("m"));
            Return r = returns.poll(Amqp.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(r).isNotNull();
            assertThat(r.getReplyCode()).isEqualTo(312);
            assertThat(r.getExchange()).isEmpty();
            assertThat(r.getRoutingKey()).isEqualTo(missing);
        }
    }

    @EachBroker
    void nonMandatoryIsDroppedSilently(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            BlockingQueue<Return> returns = returns(s);
            String x = s.exchange("direct");
            s.channel.basicPublish(x, "nobody", false, null, Amqp.bytes("m"));
            Amqp.settle(s.channel);
            assertThat(returns).isEmpty();
            assertThat(s.channel.isOpen()).isTrue();
        }
    }

    @EachBroker
    void routedMandatoryIsNotReturned(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            BlockingQueue<Return> returns = returns(s);
            String q = s.queue();
            s.channel.basicPublish("", q, true, null, Amqp.bytes("m"));
            Amqp.settle(s.channel);
            assertThat(returns).isEmpty();
            assertThat(s.getAll(q)).containsExactly("m");
        }
    }
}
