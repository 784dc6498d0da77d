package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.time.Duration;
import java.util.List;

import static io.mensajero.scenarios.course.Course.consuming;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * consumer-v2.py's {@code basic_qos(prefetch_count=1)}: the broker sends a worker a new task
 * only once it acked the last one, so a fast worker gets every other task while a slow one is
 * busy. The slow worker here takes 30 s before its ack, so what it gets does not depend on how
 * fast the machine is: one task, and no other until it acks. Stopped, it gives that task back.
 */
class FairDispatchFavoursTheFastWorker {
    private static final int TASKS = 10;

    @EachBroker
    void withPrefetchOneTheFastWorkerGetsMost(BrokerUnderTest broker) {
        String queue = Names.unique("task_queue");
        try (Participant slow = consuming(broker, "work", "--queue", queue, "--prefetch", "1",
                "--ack-delay", "30s", "--name", "slow");
             Participant fast = consuming(broker, "work", "--queue", queue, "--prefetch", "1", "--name", "fast")) {
            try (Participant task = tool(broker, "task", "task {n}", "--queue", queue, "--count", "" + TASKS)) {
                assertThat(exitCode(task)).as("%s", task).isZero();
            }
            Course.awaitTotal(List.of(fast), "acked", TASKS - 1);
            // the broker gave it its task before the fast worker's acks, but a busy machine may print it later
            slow.awaitEvent("received", Duration.ofSeconds(30));
            assertThat(slow.events("received")).as("the slow worker, busy with one task, got no other").hasSize(1);
            assertThat(BrokerState.messages(broker, queue)).isZero();
            String held = slow.events("received").get(0).string("body");

            slow.interrupt();
            assertThat(exitCode(slow)).isZero();
            assertThat(slow.events("acked")).isEmpty();
            Course.awaitTotal(List.of(fast), "acked", TASKS);
            fast.interrupt();
            assertThat(exitCode(fast)).isZero();
            assertThat(fast.events("received")).filteredOn(e -> e.bool("redelivered"))
                    .extracting(e -> e.string("body")).as("what the stopped slow worker held").containsExactly(held);
            assertThat(Course.bodies(fast, "acked")).hasSize(TASKS).doesNotHaveDuplicates();
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
