package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.AMQP;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.List;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * x-max-priority: messages come out highest priority first, in publishing order within a
 * priority; a priority above the maximum counts as the maximum, no priority as 0. A queue without
 * x-max-priority ignores priorities.
 */
class PriorityQueuesDeliverTheHighestFirst {

    private static void publishWithPriorities(Fixture f, String q) throws Exception {
        for (Object[] m : new Object[][] {{"p1", 1}, {"p5-first", 5}, {"none", null}, {"p3", 3}, {"p9-capped", 9},
                {"p5-second", 5}, {"p0", 0}}) {
            f.publish("", q, new AMQP.BasicProperties.Builder().priority((Integer) m[1]).build(), (String) m[0]);
        }
    }

    @EachBroker
    void higherPrioritiesComeFirst(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(args("x-max-priority", 5));
            publishWithPriorities(f, q);
            assertThat(f.drain(q)).containsExactly("p5-first", "p9-capped", "p5-second", "p3", "p1", "none", "p0");
        }
    }

    @EachBroker
    void requeuedMessagesKeepTheirPriorityPlace(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(args("x-max-priority", 10));
            f.publish("", q, new AMQP.BasicProperties.Builder().priority(1).build(), "low");
            f.publish("", q, new AMQP.BasicProperties.Builder().priority(7).build(), "high");
            var r = f.channel.basicGet(q, false);
            assertThat(Fixture.text(r.getBody())).isEqualTo("high");
            f.publish("", q, new AMQP.BasicProperties.Builder().priority(4).build(), "middle");
            f.channel.basicNack(r.getEnvelope().getDeliveryTag(), false, true);
            f.awaitReady(q, 3);
            assertThat(f.drain(q)).containsExactly("high", "middle", "low");
        }
    }

    @EachBroker
    void withoutMaxPriorityPrioritiesAreIgnored(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(null);
            publishWithPriorities(f, q);
            assertThat(f.drain(q)).isEqualTo(List.of("p1", "p5-first", "none", "p3", "p9-capped", "p5-second", "p0"));
        }
    }
}
