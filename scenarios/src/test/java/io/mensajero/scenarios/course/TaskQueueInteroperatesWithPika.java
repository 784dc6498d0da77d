package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.FixedNames;
import io.mensajero.scenarios.support.ForeignProcess;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.tool;
import static io.mensajero.scenarios.support.FixedNames.check;
import static io.mensajero.scenarios.support.FixedNames.queueGoneOrConsumerEnded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code task}/{@code work} and the course's producer-v2.py/consumer-v2.py declare the durable
 * {@code task_queue} alike (a mismatch would be a 406), so tasks flow either way, persistent.
 */
class TaskQueueInteroperatesWithPika {
    private static final String TASK_QUEUE = "task_queue";

    @EachBroker
    void pikaTaskReachesJavaWorker(BrokerUnderTest broker) throws Exception {
        FixedNames.run(broker, () -> {
            BrokerState.deleteQueue(broker, TASK_QUEUE);
            try {
                try (ForeignProcess producer = ForeignProcess.pika(broker, "course/producer-v2.py")) {
                    assertThat(producer.waitFor(WAIT)).as("%s", producer).isZero();
                    assertThat(producer.lines()).containsExactly("Event sent: PAYROLL_RUN_ID");
                }
                try (Participant work = tool(broker, "work", "--count", "1", "--idle-timeout", "10s")) {
                    check(broker, () -> {
                        assertThat(exitCode(work)).as("%s", work).isZero();
                        assertThat(work.events("received")).as("%s", work).hasSize(1);
                    }, () -> work.events("received").isEmpty() ? "another client took or deleted the task" : null);
                    ParticipantEvent received = work.awaitEvent("received", WAIT);
                    assertThat(received.string("body")).isEqualTo("PAYROLL_RUN_ID");
                    assertThat(received.bool("persistent")).isTrue();
                    assertThat(work.awaitEvent("acked", WAIT).number("deliveryTag"))
                            .isEqualTo(received.number("deliveryTag"));
                }
            } finally {
                BrokerState.deleteQueue(broker, TASK_QUEUE);
            }
        });
    }

    @EachBroker
    void javaTaskReachesPikaWorker(BrokerUnderTest broker) throws Exception {
        FixedNames.run(broker, () -> {
            BrokerState.deleteQueue(broker, TASK_QUEUE);
            try (ForeignProcess worker = ForeignProcess.pika(broker, "course/consumer-v2.py")) {
                BrokerState.awaitConsumers(broker, TASK_QUEUE, 1, WAIT);
                try (Participant task = tool(broker, "task")) {
                    assertThat(exitCode(task)).as("%s", task).isZero();
                    assertThat(task.awaitEvent("sent", WAIT).bool("persistent")).isTrue();
                }
                check(broker, () -> worker.awaitLine("Work assignment received PAYROLL_RUN_ID", WAIT),
                        queueGoneOrConsumerEnded(broker, TASK_QUEUE, worker));
            } finally {
                BrokerState.deleteQueue(broker, TASK_QUEUE);
            }
        });
    }
}
