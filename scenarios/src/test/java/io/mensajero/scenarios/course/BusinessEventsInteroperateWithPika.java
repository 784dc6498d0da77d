package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.time.Duration;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.bodies;
import static io.mensajero.scenarios.course.Course.consuming;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code publish}/{@code subscribe} and the course's producer-v3.py/consumer-v3.py declare the
 * fanout exchange {@code business_events} alike, so events flow either way.
 */
class BusinessEventsInteroperateWithPika {
    private static final String BUSINESS_EVENTS = "business_events";

    @EachBroker
    void pikaEventReachesJavaSubscriber(BrokerUnderTest broker) {
        Course.deleteExchange(broker, BUSINESS_EVENTS);
        try (Participant subscribe = consuming(broker, "subscribe", "--count", "1")) {
            try (CourseScript producer = CourseScript.start(broker, "producer-v3.py")) {
                assertThat(producer.waitFor(WAIT)).as("%s", producer).isZero();
                assertThat(producer.lines()).containsExactly("BUYER_ARRIVED_ID happened.");
            }
            assertThat(exitCode(subscribe)).as("%s", subscribe).isZero();
            assertThat(bodies(subscribe, "received")).containsExactly("BUYER_ARRIVED_ID");
        } finally {
            Course.deleteExchange(broker, BUSINESS_EVENTS);
        }
    }

    @EachBroker
    void javaEventReachesPikaSubscriber(BrokerUnderTest broker) throws InterruptedException {
        Course.deleteExchange(broker, BUSINESS_EVENTS);
        try (CourseScript subscriber = CourseScript.start(broker, "consumer-v3.py")) {
            awaitSubscribed(broker, subscriber);
            try (Participant publish = tool(broker, "publish")) {
                assertThat(exitCode(publish)).as("%s", publish).isZero();
            }
            subscriber.awaitLine("Event received: BUYER_ARRIVED_ID", WAIT);
        } finally {
            Course.deleteExchange(broker, BUSINESS_EVENTS);
        }
    }

    /** consumer-v3.py's queue has a server-chosen name; probe events show when it is bound. */
    private static void awaitSubscribed(BrokerUnderTest broker, CourseScript subscriber) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!subscriber.lines().contains("Event received: probe")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("consumer-v3.py never subscribed; " + subscriber);
            }
            try {
                Course.publish(broker, BUSINESS_EVENTS, "", "probe");
            } catch (IllegalStateException notDeclaredYet) {
                // the script has not declared the exchange yet
            }
            Thread.sleep(Duration.ofMillis(200).toMillis());
        }
    }
}
