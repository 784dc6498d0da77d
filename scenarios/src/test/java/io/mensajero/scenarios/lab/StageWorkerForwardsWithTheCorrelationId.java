package io.mensajero.scenarios.lab;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code work --forward-to QUEUE}, the distributed operation's stage worker: it publishes each
 * message, with its correlation_id, to the next queue (confirmed) and only then acks it. Stopped
 * during the work, it passes nothing on and the message goes back to its queue.
 */
class StageWorkerForwardsWithTheCorrelationId {
    private static final Duration WAIT = Duration.ofMinutes(3);

    @EachBroker
    void theNextStageGetsEachMessageWithItsCorrelationId(BrokerUnderTest broker) throws Exception {
        String first = Names.unique("orders.reserve");
        String next = Names.unique("orders.charge");
        try {
            exit(tool(broker, "task", "order {n}", "--queue", first, "--count", "2", "--correlation-id", "op-{n}"));
            Participant stage = tool(broker, "work", "--queue", first, "--forward-to", next, "--count", "2");
            exit(stage);
            assertThat(stage.events().stream().filter(e -> e.has("seq") && e.number("seq") == 1)
                    .map(ParticipantEvent::type)).containsExactly("received", "forwarded", "acked");
            assertThat(stage.events("forwarded")).extracting(e -> e.string("correlationId") + " " + e.string("body")
                    + " -> " + e.string("forwardTo")).containsExactly("op-1 order 1 -> " + next, "op-2 order 2 -> " + next);
            assertThat(stage.events("received")).extracting(e -> e.string("correlationId")).containsExactly("op-1", "op-2");
            assertThat(stage.awaitEvent("summary", WAIT).number("forwarded")).isEqualTo(2);

            Participant last = tool(broker, "work", "--queue", next, "--count", "2");
            exit(last);
            assertThat(last.events("received")).extracting(e -> e.string("correlationId") + " " + e.string("body")
                    + " " + e.bool("persistent")).containsExactly("op-1 order 1 true", "op-2 order 2 true");
            assertThat(ready(broker, first)).isZero();
            assertThat(ready(broker, next)).isZero();
        } finally {
            delete(broker, first, next);
        }
    }

    @EachBroker
    void aStageStoppedDuringTheWorkPassesNothingOn(BrokerUnderTest broker) throws Exception {
        String first = Names.unique("orders.reserve");
        String next = Names.unique("orders.charge");
        try (Participant stage = tool(broker, "work", "--queue", first, "--forward-to", next, "--ack-delay", "30s")) {
            stage.awaitEvent("consuming", WAIT);
            exit(tool(broker, "task", "order {n}", "--queue", first, "--correlation-id", "op-{n}"));
            assertThat(stage.awaitEvent("received", WAIT).string("correlationId")).isEqualTo("op-1");
            stage.interrupt();
            assertThat(stage.waitFor(WAIT)).isZero();
            assertThat(stage.events("forwarded")).isEmpty();
            assertThat(stage.events("acked")).isEmpty();
            assertThat(stage.awaitEvent("summary", WAIT).number("forwarded")).isZero();
            assertThat(ready(broker, next)).as("nothing passed on").isZero();
            assertThat(ready(broker, first)).as("back in its queue").isEqualTo(1);
        } finally {
            delete(broker, first, next);
        }
    }

    private static Participant tool(BrokerUnderTest broker, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--uri", broker.uri()));
        return Participant.start(all);
    }

    private static void exit(Participant participant) {
        try (participant) {
            assertThat(participant.waitFor(WAIT)).as("%s", participant).isZero();
        }
    }

    private static long ready(BrokerUnderTest broker, String queue) throws IOException, TimeoutException {
        try (Connection connection = broker.newConnection(); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    private static void delete(BrokerUnderTest broker, String... queues) throws IOException, TimeoutException {
        try (Connection connection = broker.newConnection(); Channel channel = connection.createChannel()) {
            for (String queue : queues) {
                channel.queueDelete(queue);
            }
        }
    }
}
