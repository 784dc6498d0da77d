package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.bodies;
import static io.mensajero.scenarios.course.Course.consuming;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bloque A, "two receivers": on one queue every message reaches exactly one receiver, and the
 * receivers take turns.
 */
class TwoReceiversGetRoundRobin {
    private static final int MESSAGES = 10;

    @EachBroker
    void everyMessageReachesExactlyOneReceiverInTurn(BrokerUnderTest broker) {
        String queue = Names.unique("hello");
        try (Participant a = consuming(broker, "receive", "--queue", queue, "--name", "a");
             Participant b = consuming(broker, "receive", "--queue", queue, "--name", "b")) {
            try (Participant send = tool(broker, "send", "message {n}", "--queue", queue, "--count", "" + MESSAGES)) {
                assertThat(exitCode(send)).as("%s", send).isZero();
            }
            a.awaitEvents(e -> e.is("received"), MESSAGES / 2, WAIT);
            b.awaitEvents(e -> e.is("received"), MESSAGES / 2, WAIT);
            a.interrupt();
            b.interrupt();
            assertThat(exitCode(a)).as("%s", a).isZero();
            assertThat(exitCode(b)).as("%s", b).isZero();

            List<String> toA = bodies(a, "received");
            List<String> toB = bodies(b, "received");
            List<String> all = new ArrayList<>(toA);
            all.addAll(toB);
            assertThat(all).as("each message exactly once").containsExactlyInAnyOrderElementsOf(sent());
            List<String> odd = numbered(1);
            List<String> even = numbered(2);
            assertThat(List.of(toA, toB)).as("a got %s, b got %s", toA, toB)
                    .containsExactlyInAnyOrder(odd, even);
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }

    private static List<String> sent() {
        return IntStream.rangeClosed(1, MESSAGES).mapToObj(n -> "message " + n).collect(Collectors.toList());
    }

    private static List<String> numbered(int first) {
        return IntStream.iterate(first, n -> n <= MESSAGES, n -> n + 2).mapToObj(n -> "message " + n)
                .collect(Collectors.toList());
    }
}
