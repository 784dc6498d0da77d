package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.bodies;
import static io.mensajero.scenarios.course.Course.consuming;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.summary;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java tools and the course's pika scripts share the queue {@code hello} with the same
 * declare arguments, so either side can send and the other receives.
 */
class HelloWorldInteroperatesWithPika {
    private static final String HELLO = "hello";

    @EachBroker
    void javaSendReachesPikaConsumer(BrokerUnderTest broker) {
        Course.deleteQueue(broker, HELLO);
        try (CourseScript consumer = CourseScript.start(broker, "consumer.py")) {
            Course.awaitConsumers(broker, HELLO, 1);
            try (Participant send = tool(broker, "send")) {
                assertThat(exitCode(send)).as("%s", send).isZero();
            }
            consumer.awaitLine("Hello World!", WAIT);

            consumer.interrupt();
            assertThat(consumer.waitFor(WAIT)).as("%s", consumer).isZero();
            assertThat(consumer.lines()).containsExactly("Hello World!", "Interrupted");
        } finally {
            Course.deleteQueue(broker, HELLO);
        }
    }

    @EachBroker
    void pikaProducerReachesJavaReceive(BrokerUnderTest broker) {
        Course.deleteQueue(broker, HELLO);
        try (Participant receive = consuming(broker, "receive")) {
            try (CourseScript producer = CourseScript.start(broker, "producer.py")) {
                assertThat(producer.waitFor(WAIT)).as("%s", producer).isZero();
                assertThat(producer.lines()).containsExactly("Hello World! sent...");
            }
            receive.awaitEvent("received", WAIT);
            receive.interrupt();
            assertThat(exitCode(receive)).as("%s", receive).isZero();
            assertThat(bodies(receive, "received")).containsExactly("Hello World!");
            assertThat(summary(receive).number("received")).isEqualTo(1);
        } finally {
            Course.deleteQueue(broker, HELLO);
        }
    }
}
