package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.mensajero.scenarios.course.Course.bodies;
import static io.mensajero.scenarios.course.Course.consuming;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a prefetch limit the broker deals tasks out in turn as they arrive, however slow a
 * worker is: a slow and a fast worker get half each, alternating.
 */
class WithoutPrefetchDispatchIsRoundRobin {
    private static final int TASKS = 10;

    @EachBroker
    void slowAndFastWorkersGetHalfEach(BrokerUnderTest broker) {
        String queue = Names.unique("task_queue");
        try (Participant slow = consuming(broker, "work", "--queue", queue, "--prefetch", "0",
                "--ack-delay", "300ms", "--name", "slow");
             Participant fast = consuming(broker, "work", "--queue", queue, "--prefetch", "0", "--name", "fast")) {
            try (Participant task = tool(broker, "task", "task {n}", "--queue", queue, "--count", "" + TASKS)) {
                assertThat(exitCode(task)).as("%s", task).isZero();
            }
            Course.awaitTotal(List.of(slow, fast), "acked", TASKS);
            slow.interrupt();
            fast.interrupt();
            assertThat(exitCode(slow)).isZero();
            assertThat(exitCode(fast)).isZero();

            List<String> toSlow = bodies(slow, "acked");
            List<String> toFast = bodies(fast, "acked");
            assertThat(List.of(toSlow, toFast)).as("slow did %s, fast did %s", toSlow, toFast)
                    .containsExactlyInAnyOrder(every2nd(1), every2nd(2));
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }

    private static List<String> every2nd(int first) {
        return IntStream.iterate(first, n -> n <= TASKS, n -> n + 2).mapToObj(n -> "task " + n)
                .collect(Collectors.toList());
    }
}
