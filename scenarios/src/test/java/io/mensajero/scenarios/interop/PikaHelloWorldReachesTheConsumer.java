package io.mensajero.scenarios.interop;

import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.FixedNames;
import io.mensajero.scenarios.support.ForeignProcess;

import static io.mensajero.scenarios.interop.Foreign.WAIT;
import static io.mensajero.scenarios.support.FixedNames.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * producer.py, then consumer.py (re-created from the course's, run as the course runs them; the
 * port comes from the pika shim): the message waits in
 * {@code hello} until the consumer comes, the consumer prints it, and Ctrl-C ends the consumer
 * with "Interrupted" and exit 0, after which the broker forgets its consumer.
 */
class PikaHelloWorldReachesTheConsumer {
    private static final String HELLO = "hello";

    @EachBroker
    void producerThenConsumer(BrokerUnderTest broker) throws Exception {
        FixedNames.run(broker, () -> attempt(broker));
    }

    private static void attempt(BrokerUnderTest broker) {
        BrokerState.deleteQueue(broker, HELLO);
        try {
            try (ForeignProcess producer = ForeignProcess.pika(broker, "course/producer.py")) {
                assertThat(producer.succeed(WAIT)).containsExactly("Hello World! sent...");
            }
            expect(broker, BrokerState.consumers(broker, HELLO) == 0 && BrokerState.messages(broker, HELLO) == 1,
                    "hello should hold the one message with no consumer, but has "
                            + BrokerState.messages(broker, HELLO) + " message(s) and "
                            + BrokerState.consumers(broker, HELLO) + " consumer(s)");

            try (ForeignProcess consumer = ForeignProcess.pika(broker, "course/consumer.py")) {
                FixedNames.await(broker, () -> consumer.awaitLine("Hello World!", WAIT),
                        FixedNames.queueGoneOrConsumerEnded(broker, HELLO, consumer));
                expect(broker, BrokerState.consumers(broker, HELLO) == 1,
                        "hello should have consumer.py as its only consumer, but has "
                                + BrokerState.consumers(broker, HELLO));
                assertThat(BrokerState.messages(broker, HELLO)).as("auto-ack: nothing left in hello").isZero();

                consumer.interrupt();
                assertThat(consumer.waitFor(WAIT)).as("%s", consumer).isZero();
                expect(broker, consumer.lines().stream().filter("Hello World!"::equals).count() == 1,
                        "consumer.py printed a message nobody in this scenario sent: " + consumer.lines());
                assertThat(consumer.lines()).as("%s", consumer).containsExactly("Hello World!", "Interrupted");
            }
            // consumer.py leaves with os._exit: the broker sees the socket close and drops the consumer.
            BrokerState.awaitConsumers(broker, HELLO, 0, WAIT);
        } finally {
            BrokerState.deleteQueue(broker, HELLO);
        }
    }
}
