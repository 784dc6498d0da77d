package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Delivery;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * basic.reject and basic.nack with requeue=true (nack also with multiple) put messages back and
 * the broker delivers them again, in their original order, with redelivered=true.
 */
class RequeueTrueRedelivers {

    private static List<String> marked(List<Delivery> deliveries) {
        return deliveries.stream()
                .map(d -> Amqp.text(d.getBody()) + (d.getEnvelope().isRedeliver() ? "*" : ""))
                .toList();
    }

    @EachBroker
    void reject(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            Inbox inbox = new Inbox(s.channel);
            s.channel.basicConsume(q, false, inbox);
            s.send(q, "m");
            Delivery first = inbox.next();
            assertThat(first.getEnvelope().isRedeliver()).isFalse();
            s.channel.basicReject(first.getEnvelope().getDeliveryTag(), true);
            Delivery again = inbox.next();
            assertThat(Amqp.text(again.getBody())).isEqualTo("m");
            assertThat(again.getEnvelope().isRedeliver()).isTrue();
            assertThat(again.getEnvelope().getDeliveryTag()).isGreaterThan(first.getEnvelope().getDeliveryTag());
        }
    }

    @EachBroker
    void nackMultiple(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.basicQos(3);
            Inbox inbox = new Inbox(s.channel);
            s.channel.basicConsume(q, false, inbox);
            s.send(q, "1", "2", "3", "4");
            List<Delivery> held = inbox.next(3);
            assertThat(marked(held)).containsExactly("1", "2", "3");
            s.channel.basicNack(held.get(2).getEnvelope().getDeliveryTag(), true, true);
            assertThat(marked(inbox.next(3))).containsExactly("1*", "2*", "3*");
        }
    }
}
