package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.util.List;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.bodies;
import static io.mensajero.scenarios.course.Course.consuming;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bloque B, "a delay before the ack, then stop the worker": a worker SIGKILLed while it holds an
 * unacknowledged task loses nothing. The broker gives the task to another worker, marked
 * redelivered; the task still waiting in the queue is not marked.
 */
class KilledWorkerWorkIsRedelivered {

    @EachBroker
    void anotherWorkerGetsTheTaskMarkedRedelivered(BrokerUnderTest broker) {
        String queue = Names.unique("task_queue");
        try (Participant first = consuming(broker, "work", "--queue", queue, "--ack-delay", "30s", "--name", "first")) {
            try (Participant task = tool(broker, "task", "job {n}", "--queue", queue, "--count", "2")) {
                assertThat(exitCode(task)).as("%s", task).isZero();
            }
            ParticipantEvent held = first.awaitEvent("received", WAIT);
            assertThat(held.string("body")).isEqualTo("job 1");
            assertThat(held.bool("redelivered")).isFalse();

            first.kill();
            assertThat(first.waitFor(WAIT)).isNotZero();
            assertThat(first.events("acked")).isEmpty();

            try (Participant second = tool(broker, "work", "--queue", queue, "--count", "2", "--name", "second")) {
                assertThat(exitCode(second)).as("%s", second).isZero();
                List<ParticipantEvent> received = second.events("received");
                assertThat(received).extracting(e -> e.string("body")).containsExactly("job 1", "job 2");
                assertThat(received).extracting(e -> e.bool("redelivered")).containsExactly(true, false);
                assertThat(bodies(second, "acked")).containsExactly("job 1", "job 2");
            }
            assertThat(BrokerState.messages(broker, queue)).isZero();
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
