package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;


import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.consuming;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.summary;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same as {@link KilledWorkerWorkIsRedelivered} with {@code --auto-ack}: the broker forgot
 * each message as soon as it sent it (auto-ack also ignores the prefetch limit, so the worker
 * was sent all of them), so the messages a killed worker held are lost.
 */
class KilledAutoAckWorkerLosesItsMessages {
    private static final int TASKS = 3;

    @EachBroker
    void whatTheKilledWorkerHeldIsGone(BrokerUnderTest broker) {
        String queue = Names.unique("task_queue");
        try (Participant first = consuming(broker, "work", "--queue", queue, "--auto-ack", "--ack-delay", "30s",
                "--name", "first")) {
            try (Participant task = tool(broker, "task", "job {n}", "--queue", queue, "--count", "" + TASKS)) {
                assertThat(exitCode(task)).as("%s", task).isZero();
            }
            assertThat(first.awaitEvent("received", WAIT).string("body")).isEqualTo("job 1");
            // Every message has left the queue for the worker before it dies.
            await().atMost(WAIT).until(() -> BrokerState.messages(broker, queue) == 0);

            first.kill();
            assertThat(first.waitFor(WAIT)).isNotZero();
            assertThat(first.events("done")).isEmpty();
            BrokerState.awaitConsumers(broker, queue, 0, WAIT);
            assertThat(BrokerState.messages(broker, queue)).as("nothing came back to the queue").isZero();

            try (Participant second = tool(broker, "work", "--queue", queue, "--idle-timeout", "1500ms",
                    "--name", "second")) {
                assertThat(exitCode(second)).as("%s", second).isZero();
                assertThat(second.events("received")).as("the %s messages are lost", TASKS).isEmpty();
                assertThat(summary(second).number("received")).isZero();
            }
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }

}
