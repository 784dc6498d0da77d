package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code task}/{@code work} and the course's producer-v2.py/consumer-v2.py declare the durable
 * {@code task_queue} alike (a mismatch would be a 406), so tasks flow either way, persistent.
 */
class TaskQueueInteroperatesWithPika {
    private static final String TASK_QUEUE = "task_queue";

    @EachBroker
    void pikaTaskReachesJavaWorker(BrokerUnderTest broker) {
        Course.deleteQueue(broker, TASK_QUEUE);
        try {
            try (CourseScript producer = CourseScript.start(broker, "producer-v2.py")) {
                assertThat(producer.waitFor(WAIT)).as("%s", producer).isZero();
                assertThat(producer.lines()).containsExactly("Event sent: PAYROLL_RUN_ID");
            }
            try (Participant work = tool(broker, "work", "--count", "1")) {
                assertThat(exitCode(work)).as("%s", work).isZero();
                ParticipantEvent received = work.awaitEvent("received", WAIT);
                assertThat(received.string("body")).isEqualTo("PAYROLL_RUN_ID");
                assertThat(received.bool("persistent")).isTrue();
                assertThat(work.awaitEvent("acked", WAIT).number("deliveryTag"))
                        .isEqualTo(received.number("deliveryTag"));
            }
            assertThat(Course.messages(broker, TASK_QUEUE)).isZero();
        } finally {
            Course.deleteQueue(broker, TASK_QUEUE);
        }
    }

    @EachBroker
    void javaTaskReachesPikaWorker(BrokerUnderTest broker) {
        Course.deleteQueue(broker, TASK_QUEUE);
        try (CourseScript worker = CourseScript.start(broker, "consumer-v2.py")) {
            Course.awaitConsumers(broker, TASK_QUEUE, 1);
            try (Participant task = tool(broker, "task")) {
                assertThat(exitCode(task)).as("%s", task).isZero();
                assertThat(task.awaitEvent("sent", WAIT).bool("persistent")).isTrue();
            }
            worker.awaitLine("Work assignment received PAYROLL_RUN_ID", WAIT);
        } finally {
            Course.deleteQueue(broker, TASK_QUEUE);
        }
    }
}
