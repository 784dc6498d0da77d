package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.Map;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quorum queues count how often a message was given back (nack or reject with requeue, a
 * channel closed with it unacked) in the x-delivery-count header (a long) of its next delivery
 * (basic.get shows 0 the first time, a consumer's first delivery has no header); with
 * x-delivery-limit, a message given back more often than the limit is dead-lettered with reason
 * delivery_limit (or dropped without a dead-letter exchange).
 */
class QuorumQueuesCountDeliveries {

    private static Object deliveryCount(GetResponse r) {
        Map<String, Object> h = r.getProps().getHeaders();
        return h == null ? null : h.get("x-delivery-count");
    }

    @EachBroker
    void eachReturnCountsInTheNextDelivery(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.quorumQueue();
            f.send(q, "counted");
            GetResponse r = f.awaitGetNoAck(q);
            assertThat(deliveryCount(r)).as("basic.get shows the count from the first delivery").isEqualTo(0L);
            assertThat(r.getEnvelope().isRedeliver()).isFalse();
            f.channel.basicNack(r.getEnvelope().getDeliveryTag(), false, true);
            r = f.awaitGetNoAck(q);
            assertThat(deliveryCount(r)).isEqualTo(1L);
            assertThat(r.getEnvelope().isRedeliver()).isTrue();
            f.channel.basicReject(r.getEnvelope().getDeliveryTag(), true);
            Channel other = f.connection.createChannel();
            r = f.awaitGetNoAckOn(other, q);
            assertThat(deliveryCount(r)).isEqualTo(2L);
            other.close();
            r = f.awaitGetNoAck(q);
            assertThat(deliveryCount(r)).as("after a channel closed holding it").isEqualTo(3L);
            f.channel.basicAck(r.getEnvelope().getDeliveryTag(), false);
        }
    }

    @EachBroker
    void aConsumersFirstDeliveryHasNoCount(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.quorumQueue();
            f.send(q, "consumed");
            java.util.concurrent.BlockingQueue<com.rabbitmq.client.Delivery> got =
                    new java.util.concurrent.LinkedBlockingQueue<>();
            Channel ch = f.connection.createChannel();
            ch.basicQos(1);
            ch.basicConsume(q, false, (t, d) -> got.add(d), t -> { });
            com.rabbitmq.client.Delivery d = got.poll(Fixture.PATIENCE.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            Map<String, Object> h = d.getProperties().getHeaders();
            assertThat(h == null ? null : h.get("x-delivery-count")).isNull();
            ch.basicNack(d.getEnvelope().getDeliveryTag(), false, true);
            d = got.poll(Fixture.PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            assertThat(d.getProperties().getHeaders().get("x-delivery-count")).isEqualTo(1L);
            assertThat(d.getEnvelope().isRedeliver()).isTrue();
        }
    }

    @EachBroker
    void pastTheDeliveryLimitAMessageIsDeadLettered(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String dlq = f.queue(null);
            String q = f.quorumQueue("x-delivery-limit", 2, "x-dead-letter-exchange", "",
                    "x-dead-letter-routing-key", dlq);
            f.send(q, "poison");
            for (int i = 0; i < 3; i++) {
                GetResponse r = f.awaitGetNoAck(q);
                f.channel.basicNack(r.getEnvelope().getDeliveryTag(), false, true);
            }
            GetResponse dead = f.awaitGet(dlq);
            assertThat(Fixture.text(dead.getBody())).isEqualTo("poison");
            assertThat(Deaths.of(dead)).containsExactly(Deaths.Death.of(1, "delivery_limit", q, "", q));
            assertThat(f.ready(q)).isZero();
        }
    }

    @EachBroker
    void aRejectWithoutRequeueIsDeadLetteredAsRejected(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String dlq = f.queue(null);
            String q = f.quorumQueue("x-delivery-limit", 5, "x-dead-letter-exchange", "",
                    "x-dead-letter-routing-key", dlq);
            f.send(q, "bad");
            GetResponse r = f.awaitGetNoAck(q);
            f.channel.basicReject(r.getEnvelope().getDeliveryTag(), false);
            assertThat(Deaths.of(f.awaitGet(dlq))).containsExactly(Deaths.Death.of(1, "rejected", q, "", q));
        }
    }
}
