package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.util.List;

import static io.mensajero.scenarios.course.Course.consuming;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * consumer-v2.py's {@code basic_qos(prefetch_count=1)}: the broker sends a worker a new task
 * only once it acked the last one, so a fast worker gets most tasks while a slow one is busy.
 */
class FairDispatchFavoursTheFastWorker {
    private static final int TASKS = 10;

    @EachBroker
    void withPrefetchOneTheFastWorkerGetsMost(BrokerUnderTest broker) {
        String queue = Names.unique("task_queue");
        try (Participant slow = consuming(broker, "work", "--queue", queue, "--prefetch", "1",
                "--ack-delay", "1500ms", "--name", "slow");
             Participant fast = consuming(broker, "work", "--queue", queue, "--prefetch", "1", "--name", "fast")) {
            try (Participant task = tool(broker, "task", "task {n}", "--queue", queue, "--count", "" + TASKS)) {
                assertThat(exitCode(task)).as("%s", task).isZero();
            }
            Course.awaitTotal(List.of(slow, fast), "acked", TASKS);
            slow.interrupt();
            fast.interrupt();
            assertThat(exitCode(slow)).isZero();
            assertThat(exitCode(fast)).isZero();

            int bySlow = slow.events("acked").size();
            int byFast = fast.events("acked").size();
            assertThat(bySlow + byFast).isEqualTo(TASKS);
            assertThat(byFast).as("fast did %s, slow did %s", byFast, bySlow).isGreaterThanOrEqualTo(TASKS - 2);
            assertThat(bySlow).isLessThanOrEqualTo(2);
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
