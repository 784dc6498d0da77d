package io.mensajero.scenarios.amqp;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/** A fanout exchange gives each bound queue one copy, whatever the binding and routing keys. */
class FanoutExchangeIgnoresRoutingKey {

    @EachBroker
    void everyBoundQueueGetsOneCopy(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String x = s.exchange("fanout");
            String a = s.queue();
            String b = s.queue();
            String unbound = s.queue();
            s.channel.queueBind(a, x, "");
            s.channel.queueBind(b, x, "some-key");
            s.channel.queueBind(b, x, "another-key");
            s.publish(x, "whatever", null, "m1");
            s.publish(x, "", null, "m2");
            assertThat(s.getAll(a)).containsExactly("m1", "m2");
            assertThat(s.getAll(b)).containsExactly("m1", "m2");
            assertThat(s.getAll(unbound)).isEmpty();
        }
    }
}
