package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After basic.cancel-ok a consumer gets nothing more; what it received and has not acked stays
 * unacked on the channel (not requeued) and can still be acked.
 */
class CancelStopsDeliveries {

    @EachBroker
    void noDeliveryAfterCancel(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            Inbox inbox = new Inbox(s.channel);
            String tag = s.channel.basicConsume(q, true, inbox);
            s.send(q, "before");
            assertThat(inbox.nextBodies(1)).containsExactly("before");
            s.channel.basicCancel(tag);
            assertThat(inbox.cancelOk.get(5, TimeUnit.SECONDS)).isEqualTo(tag);
            s.send(q, "after");
            inbox.assertNothingMore();
            assertThat(s.messageCount(q)).isEqualTo(1);
        }
    }

    @EachBroker
    void unackedStayUnackedAfterCancel(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.channel.basicQos(1);
            Inbox inbox = new Inbox(s.channel);
            String tag = s.channel.basicConsume(q, false, inbox);
            s.send(q, "1", "2");
            long held = inbox.next().getEnvelope().getDeliveryTag();
            s.channel.basicCancel(tag);
            assertThat(s.messageCount(q)).as("1 is neither ready nor requeued").isEqualTo(1);
            s.channel.basicAck(held, false);
            Amqp.roundTrip(s.channel);
            assertThat(s.getAll(q)).containsExactly("2");
        }
    }
}
