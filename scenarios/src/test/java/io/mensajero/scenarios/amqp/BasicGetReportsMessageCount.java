package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * basic.get-ok carries the message with its exchange and routing key and the number of messages
 * still ready after it; an empty queue answers get-empty.
 */
class BasicGetReportsMessageCount {

    @EachBroker
    void getUntilEmpty(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3");
            for (int i = 1; i <= 3; i++) {
                GetResponse r = s.channel.basicGet(q, true);
                assertThat(Amqp.text(r.getBody())).isEqualTo(String.valueOf(i));
                assertThat(r.getMessageCount()).isEqualTo(3 - i);
                assertThat(r.getEnvelope().getExchange()).isEmpty();
                assertThat(r.getEnvelope().getRoutingKey()).isEqualTo(q);
                assertThat(r.getEnvelope().isRedeliver()).isFalse();
                assertThat(r.getEnvelope().getDeliveryTag()).isEqualTo(i);
            }
            assertThat(s.channel.basicGet(q, true)).as("get-empty").isNull();
        }
    }

    @EachBroker
    void getWithAckLeavesItUnackedUntilAcked(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2");
            GetResponse first = s.channel.basicGet(q, false);
            assertThat(first.getMessageCount()).isEqualTo(1);
            assertThat(s.messageCount(q)).isEqualTo(1);
            s.channel.basicAck(first.getEnvelope().getDeliveryTag(), false);
            GetResponse second = s.channel.basicGet(q, false);
            assertThat(Amqp.text(second.getBody())).isEqualTo("2");
            assertThat(second.getMessageCount()).isZero();
            assertThat(second.getEnvelope().getDeliveryTag()).isEqualTo(2);
        }
    }
}
