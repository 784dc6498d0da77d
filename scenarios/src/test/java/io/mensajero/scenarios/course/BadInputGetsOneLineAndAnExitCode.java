package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.exitCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets exactly one line on stderr ({@code mensajero: ...}), the documented exit code,
 * and no stack trace: 2 usage, 3 unreachable, 4 authentication, 5 vhost, 6 refused by the broker.
 */
class BadInputGetsOneLineAndAnExitCode {

    @EachBroker
    void unreachableBroker(BrokerUnderTest broker) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String line = fails(3, "send", "--uri", "amqp://guest:guest@127.0.0.1:" + closedPort + "/%2F");
        assertThat(line).contains("cannot reach the broker at 127.0.0.1:" + closedPort).contains("connection refused");
    }

    @EachBroker
    void wrongPassword(BrokerUnderTest broker) {
        String line = fails(4, "send", "--uri", withUserInfo(broker, "guest:not-the-password"));
        assertThat(line).contains("authentication failed for user 'guest'").doesNotContain("not-the-password");
    }

    @EachBroker
    void unknownVhost(BrokerUnderTest broker) {
        String vhost = Names.unique("no-such-vhost");
        String line = fails(5, "receive", "--uri", "amqp://guest:guest@" + broker.host() + ":" + broker.port() + "/" + vhost);
        assertThat(line).contains("vhost '" + vhost + "'");
    }

    @EachBroker
    void malformedUri(BrokerUnderTest broker) {
        assertThat(fails(2, "send", "--uri", "amqp://guest:guest@localhost:not-a-port/")).contains("malformed URI");
        assertThat(fails(2, "send", "--uri", "http://localhost:5672/")).contains("malformed URI");
    }

    @EachBroker
    void unknownExchangeType(BrokerUnderTest broker) {
        assertThat(fails(2, "publish", "--type", "broadcast", "--uri", broker.uri()))
                .contains("--type").contains("unknown exchange type 'broadcast'");
    }

    @EachBroker
    void negativeCount(BrokerUnderTest broker) {
        assertThat(fails(2, "send", "--count", "-3", "--uri", broker.uri())).contains("--count").contains("negative");
    }

    @EachBroker
    void nonNumericRate(BrokerUnderTest broker) {
        assertThat(fails(2, "send", "--rate", "fast", "--uri", broker.uri())).contains("--rate").contains("'fast'");
    }

    @EachBroker
    void inequivalentRedeclareIsRefusedByTheBroker(BrokerUnderTest broker) {
        String queue = Names.unique("durable-queue");
        try (Participant task = Participant.start("task", "--queue", queue, "--uri", broker.uri())) {
            assertThat(exitCode(task)).as("%s", task).isZero();
            // send declares the queue non-durable: the broker answers 406 PRECONDITION_FAILED.
            String line = fails(6, "send", "--queue", queue, "--uri", broker.uri());
            assertThat(line).contains("declare queue '" + queue + "'").contains("406").contains("PRECONDITION_FAILED");
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }

    /** Runs the tool, checks the one-line error and the exit code; returns the line. */
    private static String fails(int expectedExitCode, String... args) {
        try (Participant tool = Participant.start(args)) {
            int code = exitCode(tool);
            List<String> stderr = new ArrayList<>(tool.stderr().lines().toList());
            assertThat(stderr).as("stderr of %s", tool).hasSize(1);
            String line = stderr.get(0);
            assertThat(line).startsWith("mensajero: ").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(code).as("exit code; %s", tool).isEqualTo(expectedExitCode);
            ParticipantEvent error = tool.awaitEvent("error", WAIT);
            assertThat(error.number("exitCode")).isEqualTo(expectedExitCode);
            assertThat("mensajero: " + error.string("error")).isEqualTo(line);
            assertThat(tool.events("summary")).isEmpty();
            assertThat(tool.otherLines()).isEmpty();
            return line;
        }
    }

    private static String withUserInfo(BrokerUnderTest broker, String userInfo) {
        return "amqp://" + userInfo + "@" + broker.host() + ":" + broker.port() + "/%2F";
    }
}
