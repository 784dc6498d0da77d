package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.bodies;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.summary;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bloque A, "asynchrony": the producer does not need the receiver to be up. Tasks sent while no
 * worker runs, by a producer that has since exited, wait in the queue for a worker started later.
 */
class ProducerNeedNotWaitForTheWorker {
    private static final int TASKS = 5;

    @EachBroker
    void aWorkerStartedAfterTheProducerExitedGetsEveryTask(BrokerUnderTest broker) {
        String queue = Names.unique("task_queue");
        List<String> tasks = IntStream.rangeClosed(1, TASKS).mapToObj(n -> "task " + n).collect(Collectors.toList());
        try {
            try (Participant task = tool(broker, "task", "task {n}", "--queue", queue, "--count", "" + TASKS)) {
                assertThat(exitCode(task)).as("%s", task).isZero();
                assertThat(task.awaitEvent("declared", WAIT).number("consumers")).as("no worker running").isZero();
                assertThat(summary(task).number("sent")).isEqualTo(TASKS);
                assertThat(task.isAlive()).isFalse();
            }
            assertThat(BrokerState.consumers(broker, queue)).isZero();
            assertThat(BrokerState.messages(broker, queue)).isEqualTo(TASKS);

            try (Participant work = tool(broker, "work", "--queue", queue, "--count", "" + TASKS)) {
                assertThat(exitCode(work)).as("%s", work).isZero();
                assertThat(bodies(work, "received")).containsExactlyElementsOf(tasks);
                assertThat(bodies(work, "acked")).containsExactlyElementsOf(tasks);
                assertThat(work.events("received")).allMatch(e -> e.bool("persistent"));
            }
            assertThat(BrokerState.messages(broker, queue)).isZero();
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
