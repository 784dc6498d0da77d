package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.bodies;
import static io.mensajero.scenarios.course.Course.consuming;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.summary;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;

/** The course's first exercise: a receiver waits, a sender sends "Hello World!", it arrives. */
class HelloWorldRoundTrip {

    @EachBroker
    void sendReachesAWaitingReceive(BrokerUnderTest broker) {
        String queue = Names.unique("hello");
        try (Participant receive = consuming(broker, "receive", "--queue", queue);
             Participant send = tool(broker, "send", "--queue", queue)) {
            assertThat(exitCode(send)).as("send exit code; %s", send).isZero();
            assertThat(bodies(send, "sent")).containsExactly("Hello World!");
            assertThat(summary(send).number("sent")).isEqualTo(1);

            receive.awaitEvent("received", WAIT);
            receive.interrupt();
            assertThat(exitCode(receive)).as("receive exit code after Ctrl-C; %s", receive).isZero();
            assertThat(bodies(receive, "received")).containsExactly("Hello World!");
            assertThat(receive.awaitEvent("stopping", WAIT).string("reason")).isEqualTo("SIGINT");
            assertThat(summary(receive).number("received")).isEqualTo(1);
            assertThat(receive.stderr()).isEmpty();
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
