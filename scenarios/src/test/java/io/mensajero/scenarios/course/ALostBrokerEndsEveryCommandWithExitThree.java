package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.Names;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.mensajero.scenarios.course.Course.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker goes away under the commands, stopped cleanly (Ctrl-C: it closes every connection
 * with 320 CONNECTION_FORCED) or killed (SIGKILL: the sockets just close). Either way each
 * command says so in one line and exits 3, "the connection to the broker was lost". A worker
 * waiting out a ten-minute --ack-delay hears of it at once, not when it comes to ack.
 *
 * <p>This stops a broker, so it runs Mensajero's own ({@code mensajero broker}, a separate
 * process) and not the RabbitMQ other tests share; the commands are RabbitMQ's Java client, which
 * sees the same two things from RabbitMQ.
 */
class ALostBrokerEndsEveryCommandWithExitThree {
    /** Far longer than the test may take: the worker must not wait for it. */
    private static final String ACK_DELAY = "600s";

    @ParameterizedTest(name = "broker {0}")
    @ValueSource(strings = {"stopped", "killed"})
    void workerAndReceiverExitThree(String how) {
        String queue = Names.unique("task_queue");
        try (Participant broker = Participant.start("broker", "--port", "0", "--management-port", "0", "--json")) {
            ParticipantEvent ready = broker.awaitEvent("ready", WAIT);
            String uri = "amqp://guest:guest@127.0.0.1:" + ready.number("port") + "/%2F";
            try (Participant worker = Participant.start("work", "--queue", queue, "--ack-delay", ACK_DELAY, "--uri", uri);
                 Participant receiver = Participant.start("receive", "--queue", queue + ".r", "--uri", uri)) {
                worker.awaitEvent("consuming", WAIT);
                receiver.awaitEvent("consuming", WAIT);
                try (Participant task = Participant.start("task", "--queue", queue, "--uri", uri)) {
                    assertThat(task.waitFor(WAIT)).as("%s", task).isZero();
                }
                worker.awaitEvent("received", WAIT);

                if (how.equals("stopped")) {
                    broker.interrupt();
                } else {
                    broker.kill();
                }
                broker.waitFor(WAIT);
                for (Participant p : new Participant[] {worker, receiver}) {
                    assertThat(p.waitFor(Duration.ofMinutes(3))).as("%s", p).isEqualTo(3);
                    assertThat(p.stderr().strip()).as("%s", p).startsWith("mensajero: lost the connection to the broker at 127.0.0.1:")
                            .doesNotContain("\n");
                    assertThat(p.events("error")).singleElement()
                            .satisfies(e -> assertThat(e.number("exitCode")).isEqualTo(3));
                }
                assertThat(worker.stderr()).contains("while waiting to ack delivery tag 1");
                assertThat(worker.events("acked")).isEmpty();
            }
        }
    }
}
