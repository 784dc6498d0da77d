package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.bodies;
import static io.mensajero.scenarios.course.Course.consuming;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.summary;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bloque A, "a staged operation, and stop it": SIGINT or SIGTERM during stage 2 stops the
 * staged producer between messages. It exits 0, and the receivers got exactly the messages its
 * summary says were sent: nothing half-sent, nothing missing, nothing extra.
 */
class StagedProducerStopsBetweenMessages {

    @EachBroker
    void sigintDuringStageTwo(BrokerUnderTest broker) {
        stopDuringStageTwo(broker, Participant::interrupt, "SIGINT");
    }

    @EachBroker
    void sigtermDuringStageTwo(BrokerUnderTest broker) {
        stopDuringStageTwo(broker, Participant::terminate, "SIGTERM");
    }

    private static void stopDuringStageTwo(BrokerUnderTest broker, Consumer<Participant> signal, String reason) {
        String queue = Names.unique("hello");
        try (Participant a = consuming(broker, "receive", "--queue", queue, "--name", "consumer-a");
             Participant b = consuming(broker, "receive", "--queue", queue, "--name", "consumer-b");
             // The signal comes right after stage 2's first message, during the 2 s pause that
             // follows it (a stop wakes the pause, so the long pause costs no time).
             Participant staged = tool(broker, "staged", "--queue", queue, "--stages", "3", "--per-stage", "2",
                     "--pause", "2s", "--stage-pause", "300ms")) {
            staged.awaitEvent(e -> e.is("sent") && e.number("stage") == 2, WAIT);
            signal.accept(staged);

            assertThat(exitCode(staged)).as("%s", staged).isZero();
            assertThat(staged.awaitEvent("stopping", WAIT).string("reason")).isEqualTo(reason);
            ParticipantEvent summary = summary(staged);
            long sent = summary.number("sent");
            assertThat(summary.string("reason")).isEqualTo(reason);
            assertThat(sent).as("stopped after stage 2's first message").isEqualTo(3);
            assertThat(summary.number("stagesCompleted")).isEqualTo(1);
            List<String> sentBodies = bodies(staged, "sent");
            assertThat(sentBodies).hasSize((int) sent);
            assertThat(summary.string("last")).isEqualTo(sentBodies.get(sentBodies.size() - 1));
            assertThat(staged.events("stage-started")).hasSize(2);

            // Everything sent arrives; then nothing is left in the queue.
            Course.awaitTotal(List.of(a, b), "received", (int) sent);
            assertThat(BrokerState.messages(broker, queue)).isZero();
            a.interrupt();
            b.interrupt();
            assertThat(exitCode(a)).isZero();
            assertThat(exitCode(b)).isZero();
            List<String> received = new ArrayList<>(bodies(a, "received"));
            received.addAll(bodies(b, "received"));
            assertThat(received).containsExactlyInAnyOrderElementsOf(sentBodies);
            assertThat(summary(a).number("received") + summary(b).number("received")).isEqualTo(sent);
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
