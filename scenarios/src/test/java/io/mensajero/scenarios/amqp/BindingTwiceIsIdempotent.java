package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding a queue twice with the same exchange and key makes one binding: one copy per message,
 * and a single unbind removes it.
 */
class BindingTwiceIsIdempotent {

    @EachBroker
    void oneBindingOneUnbind(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("topic");
            String q = s.queue();
            s.channel.queueBind(q, x, "k.*");
            s.channel.queueBind(q, x, "k.*");
            s.publish(x, "k.1", null, "bound twice");
            s.channel.queueUnbind(q, x, "k.*");
            s.publish(x, "k.2", null, "after one unbind");
            assertThat(s.getAll(q)).containsExactly("bound twice");
        }
    }
}
