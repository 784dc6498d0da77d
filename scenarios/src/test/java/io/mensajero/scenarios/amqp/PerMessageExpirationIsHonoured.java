package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The expiration property is a per-message TTL in milliseconds: a message with a long TTL stays
 * until read, one with a short TTL disappears from the queue, and a value that is not a
 * non-negative integer is refused with 406.
 */
class PerMessageExpirationIsHonoured {

    private static AMQP.BasicProperties expiring(String expiration) {
        return new AMQP.BasicProperties.Builder().expiration(expiration).build();
    }

    @EachBroker
    void longTtlStays(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.publish("", q, expiring("60000"), "kept");
            Amqp.settle(s.channel);
            var r = s.channel.basicGet(q, true);
            assertThat(r).isNotNull();
            assertThat(r.getProps().getExpiration()).isEqualTo("60000");
        }
    }

    @EachBroker
    void shortTtlExpires(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.publish("", q, expiring("50"), "gone");
            s.publish("", q, null, "stays");
            await().atMost(Amqp.PATIENCE).until(() -> s.messageCount(q) == 1);
            assertThat(s.getAll(q)).containsExactly("stays");
        }
    }

    @EachBroker
    void invalidExpirationIsRefused(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            assertThat(Amqp.failure(s.channel, () -> s.channel.basicPublish("", q, expiring("soon"), Amqp.bytes("m"))))
                    .isEqualTo(Failure.channel(AMQP.PRECONDITION_FAILED,
                            "PRECONDITION_FAILED - invalid expiration 'soon': no_integer", 60, 40));
        }
    }
}
