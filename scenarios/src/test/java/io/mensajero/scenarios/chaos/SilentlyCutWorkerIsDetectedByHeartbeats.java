package io.mensajero.scenarios.chaos;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker holds a task (its ack delay is a minute) when its connection goes silent: iptables
 * drops every packet of that connection, both ways, with no FIN and no RST, as a pulled cable
 * would. Nothing tells either side; only heartbeats (2 s, asked for with {@code --heartbeat}) can.
 * The broker misses the worker's heartbeats, takes the connection for dead and requeues the
 * task, which is delivered again, marked redelivered. The worker misses the broker's heartbeats
 * too: it reports the connection lost, abandons the task and, with {@code --recover}, reconnects
 * (a new connection, not cut). Needs root and iptables.
 */
class SilentlyCutWorkerIsDetectedByHeartbeats {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @EachBroker
    void theBrokerRequeuesTheTaskOfAWorkerItNoLongerHears(BrokerUnderTest broker) {
        PacketDrop.require();
        String queue = Names.unique("task_queue");
        List<Participant> all = new ArrayList<>();
        try {
            Participant cut = start(all, broker, "work", "--queue", queue, "--ack-delay", "60s", "--heartbeat", "2s",
                    "--recover", "--name", "cut");
            cut.awaitEvent("consuming", WAIT);
            ParticipantEvent connected = cut.awaitEvent("connected", WAIT);
            Participant task = start(all, broker, "task", "job {n}", "--queue", queue, "--count", "1");
            assertThat(task.waitFor(WAIT)).as("%s", task).isZero();
            cut.awaitEvent("received", WAIT);

            try (PacketDrop drop = PacketDrop.between((int) connected.number("localPort"), (int) connected.number("port"))) {
                long cutAt = System.currentTimeMillis();
                Participant other = start(all, broker, "work", "--queue", queue, "--name", "other");
                other.awaitEvent("consuming", WAIT);

                Predicate<ParticipantEvent> again = e -> e.is("received") && "job 1".equals(e.string("body"))
                        && e.bool("redelivered");
                await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                        .until(() -> !matching(other, again).isEmpty() || !matching(cut, again).isEmpty());
                ParticipantEvent redelivery = !matching(other, again).isEmpty() ? matching(other, again).get(0)
                        : matching(cut, again).get(0);

                ParticipantEvent lost = cut.awaitEvent("connection-lost", WAIT);
                assertThat(lost.string("reason")).contains("heartbeat");
                ParticipantEvent abandoned = cut.awaitEvent("abandoned", WAIT);
                assertThat(abandoned.string("body")).isEqualTo("job 1");
                ParticipantEvent back = cut.awaitEvent("reconnected", WAIT);
                assertThat(back.number("localPort")).as("a new connection").isNotEqualTo(connected.number("localPort"));
                System.out.printf("[%s] connection cut: the worker saw it after %d ms, the task was delivered again "
                                + "(to %s) after %d ms, the worker reconnected after %d ms%n", broker.name(),
                        lost.time() - cutAt, redelivery.participant(), redelivery.time() - cutAt, back.time() - cutAt);
            }
        } finally {
            all.forEach(Participant::close);
            BrokerState.deleteQueue(broker, queue);
        }
    }

    private static List<ParticipantEvent> matching(Participant p, Predicate<ParticipantEvent> match) {
        return p.events().stream().filter(match).toList();
    }

    private static Participant start(List<Participant> all, BrokerUnderTest broker, String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--uri", broker.uri()));
        Participant participant = Participant.start(command);
        all.add(participant);
        return participant;
    }
}
