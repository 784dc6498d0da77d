package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.FixedNames;
import io.mensajero.scenarios.support.ForeignProcess;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.bodies;
import static io.mensajero.scenarios.course.Course.consuming;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.summary;
import static io.mensajero.scenarios.course.Course.tool;
import static io.mensajero.scenarios.support.FixedNames.check;
import static io.mensajero.scenarios.support.FixedNames.queueGoneOrConsumerEnded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java tools and the course's pika scripts share the queue {@code hello} with the same
 * declare arguments, so either side can send and the other receives.
 */
class HelloWorldInteroperatesWithPika {
    private static final String HELLO = "hello";

    @EachBroker
    void javaSendReachesPikaConsumer(BrokerUnderTest broker) throws Exception {
        FixedNames.run(broker, () -> {
            BrokerState.deleteQueue(broker, HELLO);
            try (ForeignProcess consumer = ForeignProcess.pika(broker, "course/consumer.py")) {
                BrokerState.awaitConsumers(broker, HELLO, 1, WAIT);
                try (Participant send = tool(broker, "send")) {
                    assertThat(exitCode(send)).as("%s", send).isZero();
                }
                check(broker, () -> consumer.awaitLine("Hello World!", WAIT),
                        queueGoneOrConsumerEnded(broker, HELLO, consumer));

                consumer.interrupt();
                assertThat(consumer.waitFor(WAIT)).as("%s", consumer).isZero();
                check(broker, () -> assertThat(consumer.lines()).containsExactly("Hello World!", "Interrupted"),
                        () -> consumer.lines().size() > 2 ? "another client sent to hello" : null);
            } finally {
                BrokerState.deleteQueue(broker, HELLO);
            }
        });
    }

    @EachBroker
    void pikaProducerReachesJavaReceive(BrokerUnderTest broker) throws Exception {
        FixedNames.run(broker, () -> {
            BrokerState.deleteQueue(broker, HELLO);
            try (Participant receive = consuming(broker, "receive")) {
                try (ForeignProcess producer = ForeignProcess.pika(broker, "course/producer.py")) {
                    assertThat(producer.waitFor(WAIT)).as("%s", producer).isZero();
                    assertThat(producer.lines()).containsExactly("Hello World! sent...");
                }
                check(broker, () -> receive.awaitEvent("received", WAIT), () -> cancelled(receive));
                receive.interrupt();
                check(broker, () -> assertThat(exitCode(receive)).as("%s", receive).isZero(), () -> cancelled(receive));
                check(broker, () -> assertThat(bodies(receive, "received")).containsExactly("Hello World!"),
                        () -> receive.events("received").size() > 1 ? "another client sent to hello" : null);
                assertThat(summary(receive).number("received")).isEqualTo(1);
            } finally {
                BrokerState.deleteQueue(broker, HELLO);
            }
        });
    }

    /** The broker cancelled the tool's consumer: someone deleted the queue. */
    static String cancelled(Participant consumer) {
        return consumer.events("error").stream().anyMatch(e -> e.string("error").contains("cancelled the consumer"))
                ? "another client deleted the queue (the broker cancelled the consumer)" : null;
    }
}
