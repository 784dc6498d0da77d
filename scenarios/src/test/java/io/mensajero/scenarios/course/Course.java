package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * What the course scenarios share: starting tools against a broker and reading their events
 * (queues are looked at with {@link BrokerState}).
 */
final class Course {
    /** How long to wait for something that normally takes well under a second. */
    static final Duration WAIT = Duration.ofMinutes(3);

    private Course() {
    }

    /** Starts {@code mensajero <args> --uri <broker> --json} as its own process. */
    static Participant tool(BrokerUnderTest broker, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--uri");
        all.add(broker.uri());
        return Participant.start(all);
    }

    /** Starts a consuming tool and waits until its consumer is registered. */
    static Participant consuming(BrokerUnderTest broker, String... args) {
        Participant participant = tool(broker, args);
        participant.awaitEvent("consuming", WAIT);
        return participant;
    }

    /** Waits for the tool to exit; returns its exit code. */
    static int exitCode(Participant participant) {
        return participant.waitFor(WAIT);
    }

    /** The bodies of one participant's events of a type, in order. */
    static List<String> bodies(Participant participant, String type) {
        return participant.events(type).stream().map(e -> e.string("body")).collect(Collectors.toList());
    }

    /** Waits until the participants together printed {@code total} events of a type. */
    static void awaitTotal(List<Participant> participants, String type, int total) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> participants.stream().mapToInt(p -> p.events(type).size()).sum() >= total);
    }

    /** The participant's summary event (after it exited). */
    static ParticipantEvent summary(Participant participant) {
        return participant.awaitEvent("summary", WAIT);
    }

    /**
     * Publishes one message with amqp-client, outside the tools, without waiting for a confirm;
     * a failure is an IllegalStateException.
     */
    static void publish(BrokerUnderTest broker, String exchange, String routingKey, String body) {
        BrokerState.amqp(broker, channel -> {
            channel.basicPublish(exchange, routingKey, null, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return null;
        });
    }
}
