package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * queue.unbind removes exactly the binding named (exchange, key), leaving the queue's other
 * bindings; unbinding a binding that does not exist is not an error.
 */
class UnbindStopsRouting {

    @EachBroker
    void onlyTheNamedBindingGoes(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("direct");
            String q = s.queue();
            s.channel.queueBind(q, x, "a");
            s.channel.queueBind(q, x, "b");
            s.publish(x, "a", null, "a before");
            s.channel.queueUnbind(q, x, "a");
            s.publish(x, "a", null, "a after");
            s.publish(x, "b", null, "b after");
            assertThat(s.getAll(q)).containsExactly("a before", "b after");
        }
    }

    @EachBroker
    void unbindingAMissingBindingIsNotAnError(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("direct");
            String q = s.queue();
            s.channel.queueUnbind(q, x, "never-bound");
            Amqp.roundTrip(s.channel);
        }
    }
}
