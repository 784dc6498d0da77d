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
 * Bloque B, "several subscribers": each subscriber's own queue is bound to the fanout exchange,
 * so every subscriber gets every event (unlike workers, who share one queue).
 */
class EverySubscriberGetsEveryEvent {
    private static final int EVENTS = 5;

    @EachBroker
    void threeSubscribersEachGetAllEvents(BrokerUnderTest broker) {
        String exchange = Names.unique("business_events");
        String count = Integer.toString(EVENTS);
        try (Participant s1 = consuming(broker, "subscribe", "--exchange", exchange, "--count", count, "--name", "s1");
             Participant s2 = consuming(broker, "subscribe", "--exchange", exchange, "--count", count, "--name", "s2");
             Participant s3 = consuming(broker, "subscribe", "--exchange", exchange, "--count", count, "--name", "s3")) {
            try (Participant publish = tool(broker, "publish", "event {n}", "--exchange", exchange, "--count", count)) {
                assertThat(exitCode(publish)).as("%s", publish).isZero();
            }
            List<String> events = IntStream.rangeClosed(1, EVENTS).mapToObj(n -> "event " + n).collect(Collectors.toList());
            for (Participant subscriber : List.of(s1, s2, s3)) {
                assertThat(exitCode(subscriber)).as("%s", subscriber).isZero();
                assertThat(bodies(subscriber, "received")).as("%s", subscriber).containsExactlyElementsOf(events);
            }
            assertThat(List.of(s1, s2, s3)).as("each has its own server-named queue")
                    .extracting(s -> s.awaitEvent("consuming", Course.WAIT).string("queue"))
                    .doesNotHaveDuplicates().allMatch(queue -> queue.startsWith("amq.gen-"));
        } finally {
            BrokerState.deleteExchange(broker, exchange);
        }
    }
}
