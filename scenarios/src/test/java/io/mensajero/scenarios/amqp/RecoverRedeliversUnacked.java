package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.Delivery;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * basic.recover(requeue=true) gives back every unacked delivery on the channel; they come again
 * in order with redelivered=true, and acked ones do not. (requeue=false is refused: see
 * {@link UnimplementedFeaturesAreRefused}.)
 */
class RecoverRedeliversUnacked {

    @EachBroker
    void recoverRequeue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            Inbox inbox = new Inbox(s.channel);
            s.channel.basicConsume(q, false, inbox);
            s.send(q, "1", "2", "3");
            List<Delivery> first = inbox.next(3);
            s.channel.basicAck(first.get(1).getEnvelope().getDeliveryTag(), false);
            s.channel.basicRecover(true);
            List<Delivery> again = inbox.next(2);
            assertThat(again).extracting(d -> Amqp.text(d.getBody())).containsExactly("1", "3");
            assertThat(again).allSatisfy(d -> assertThat(d.getEnvelope().isRedeliver()).isTrue());
            inbox.assertNothingMore();
        }
    }

    @EachBroker
    void recoverWithNothingUnacked(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            s.channel.basicRecover();
            Amqp.roundTrip(s.channel);
        }
    }
}
