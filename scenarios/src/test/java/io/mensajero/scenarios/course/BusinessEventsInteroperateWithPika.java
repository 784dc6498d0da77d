package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.FixedNames;
import io.mensajero.scenarios.support.ForeignProcess;

import java.time.Duration;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.bodies;
import static io.mensajero.scenarios.course.Course.consuming;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.tool;
import static io.mensajero.scenarios.support.FixedNames.check;
import static io.mensajero.scenarios.support.FixedNames.queueGoneOrConsumerEnded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code publish}/{@code subscribe} and the course's producer-v3.py/consumer-v3.py declare the
 * fanout exchange {@code business_events} alike, so events flow either way.
 */
class BusinessEventsInteroperateWithPika {
    private static final String BUSINESS_EVENTS = "business_events";

    @EachBroker
    void pikaEventReachesJavaSubscriber(BrokerUnderTest broker) throws Exception {
        FixedNames.run(broker, () -> {
            BrokerState.deleteExchange(broker, BUSINESS_EVENTS);
            try (Participant subscribe = consuming(broker, "subscribe", "--idle-timeout", "5s")) {
                try (ForeignProcess producer = ForeignProcess.pika(broker, "course/producer-v3.py")) {
                    assertThat(producer.waitFor(WAIT)).as("%s", producer).isZero();
                    assertThat(producer.lines()).containsExactly("BUYER_ARRIVED_ID happened.");
                }
                check(broker, () -> subscribe.awaitEvent("received", WAIT),
                        () -> subscribe.isAlive() ? null : "another client deleted " + BUSINESS_EVENTS);
                subscribe.interrupt();
                assertThat(exitCode(subscribe)).as("%s", subscribe).isZero();
                check(broker, () -> assertThat(bodies(subscribe, "received")).containsExactly("BUYER_ARRIVED_ID"),
                        () -> subscribe.events("received").size() > 1 ? "another client published too" : null);
            } finally {
                BrokerState.deleteExchange(broker, BUSINESS_EVENTS);
            }
        });
    }

    @EachBroker
    void javaEventReachesPikaSubscriber(BrokerUnderTest broker) throws Exception {
        FixedNames.run(broker, () -> {
            BrokerState.deleteExchange(broker, BUSINESS_EVENTS);
            try (ForeignProcess subscriber = ForeignProcess.pika(broker, "course/consumer-v3.py")) {
                check(broker, () -> awaitSubscribed(broker, subscriber), queueGoneOrConsumerEnded(broker, null, subscriber));
                try (Participant publish = tool(broker, "publish")) {
                    assertThat(exitCode(publish)).as("%s", publish).isZero();
                }
                check(broker, () -> subscriber.awaitLine("Event received: BUYER_ARRIVED_ID", WAIT),
                        queueGoneOrConsumerEnded(broker, null, subscriber));
            } finally {
                BrokerState.deleteExchange(broker, BUSINESS_EVENTS);
            }
        });
    }

    /** consumer-v3.py's queue has a server-chosen name; probe events show when it is bound. */
    private static void awaitSubscribed(BrokerUnderTest broker, ForeignProcess subscriber) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!subscriber.lines().contains("Event received: probe")) {
            if (System.nanoTime() > deadline || !subscriber.isAlive()) {
                throw new AssertionError("consumer-v3.py never subscribed; " + subscriber);
            }
            try {
                Course.publish(broker, BUSINESS_EVENTS, "", "probe");
            } catch (IllegalStateException notDeclaredYet) {
                // the script has not declared the exchange yet
            }
            try {
                Thread.sleep(Duration.ofMillis(200).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
