package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.Channel;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * x-priority on basic.consume: while a higher-priority consumer can take messages, lower ones get
 * none; when it is blocked (its prefetch is full) they do; consumers of equal priority take turns.
 */
class ConsumerPrioritiesPreferHigherConsumers {

    @EachBroker
    void theHighestConsumerThatCanTakeGetsTheMessage(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(null);
            List<String> low = new CopyOnWriteArrayList<>();
            List<String> high = new CopyOnWriteArrayList<>();
            Channel lowCh = f.connection.createChannel();
            lowCh.basicConsume(q, true, args("x-priority", -1), (t, d) -> low.add(Fixture.text(d.getBody())), t -> { });
            Channel highCh = f.connection.createChannel();
            highCh.basicConsume(q, true, args("x-priority", 10), (t, d) -> high.add(Fixture.text(d.getBody())),
                    t -> { });
            f.send(q, "1", "2", "3", "4", "5", "6");
            await().atMost(Fixture.PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> high.size() == 6);
            assertThat(low).isEmpty();
        }
    }

    @EachBroker
    void aBlockedHighConsumerLetsLowerOnesTake(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String q = f.queue(null);
            List<String> low = new CopyOnWriteArrayList<>();
            List<String> high = new CopyOnWriteArrayList<>();
            Channel lowCh = f.connection.createChannel();
            lowCh.basicConsume(q, true, (t, d) -> low.add(Fixture.text(d.getBody())), t -> { });
            Channel highCh = f.connection.createChannel();
            highCh.basicQos(2);
            highCh.basicConsume(q, false, args("x-priority", 5), (t, d) -> high.add(Fixture.text(d.getBody())),
                    t -> { });
            f.send(q, "1", "2", "3", "4", "5");
            await().atMost(Fixture.PATIENCE).pollInterval(Duration.ofMillis(20))
                    .until(() -> high.size() + low.size() == 5);
            assertThat(high).containsExactly("1", "2");
            assertThat(low).containsExactly("3", "4", "5");
        }
    }
}
