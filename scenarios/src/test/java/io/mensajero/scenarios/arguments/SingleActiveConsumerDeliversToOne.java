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
 * x-single-active-consumer: every consumer is registered, but only the first gets messages;
 * when it goes (its channel closes), the next one registered takes over, from where it left off (unacked messages of
 * the one that left come back first). queue.declare-ok counts every consumer of a classic queue,
 * only the active one of a quorum queue.
 */
class SingleActiveConsumerDeliversToOne {

    private static void onlyTheFirstUntilItLeaves(Fixture f, String q, int consumersReported) throws Exception {
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        Channel a = f.connection.createChannel();
        a.basicQos(1);
        a.basicConsume(q, false, (t, d) -> first.add(Fixture.text(d.getBody())), t -> { });
        Channel b = f.connection.createChannel();
        b.basicConsume(q, true, (t, d) -> second.add(Fixture.text(d.getBody())), t -> { });
        assertThat(f.channel.consumerCount(q)).as("consumers in queue.declare-ok").isEqualTo(consumersReported);
        f.send(q, "1", "2", "3");
        await().atMost(Fixture.PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> first.size() == 1);
        assertThat(f.ready(q)).as("the active consumer's prefetch holds the rest back").isEqualTo(2);
        assertThat(second).isEmpty();
        a.close();
        await().atMost(Fixture.PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> second.size() == 3);
        assertThat(second).containsExactly("1", "2", "3");
    }

    @EachBroker
    void onlyTheFirstConsumerGetsMessagesUntilItLeaves(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            onlyTheFirstUntilItLeaves(f, f.queue(args("x-single-active-consumer", true)), 2);
        }
    }

    @EachBroker
    void quorumQueuesToo(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            onlyTheFirstUntilItLeaves(f, f.quorumQueue("x-single-active-consumer", true), 1);
        }
    }
}
