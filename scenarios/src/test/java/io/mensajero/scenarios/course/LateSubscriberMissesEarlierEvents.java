package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.util.List;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.bodies;
import static io.mensajero.scenarios.course.Course.consuming;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fanout exchange keeps nothing: an event reaches the queues bound at the moment it is
 * published. A subscriber that starts late gets none of the earlier events.
 */
class LateSubscriberMissesEarlierEvents {

    @EachBroker
    void aLateSubscriberGetsOnlyLaterEvents(BrokerUnderTest broker) {
        String exchange = Names.unique("business_events");
        try (Participant early = consuming(broker, "subscribe", "--exchange", exchange, "--name", "early")) {
            publish(broker, exchange, "early {n}", 3);
            early.awaitEvents(e -> e.is("received"), 3, WAIT);

            try (Participant late = consuming(broker, "subscribe", "--exchange", exchange, "--name", "late")) {
                publish(broker, exchange, "late {n}", 2);
                early.awaitEvents(e -> e.is("received"), 5, WAIT);
                late.awaitEvents(e -> e.is("received"), 2, WAIT);
                late.interrupt();
                early.interrupt();
                assertThat(exitCode(late)).isZero();
                assertThat(exitCode(early)).isZero();
                assertThat(bodies(late, "received")).containsExactly("late 1", "late 2");
                assertThat(bodies(early, "received"))
                        .containsExactlyElementsOf(List.of("early 1", "early 2", "early 3", "late 1", "late 2"));
            }
        } finally {
            BrokerState.deleteExchange(broker, exchange);
        }
    }

    private static void publish(BrokerUnderTest broker, String exchange, String body, int count) {
        try (Participant publish = tool(broker, "publish", body, "--exchange", exchange, "--count", "" + count)) {
            assertThat(exitCode(publish)).as("%s", publish).isZero();
        }
    }
}
