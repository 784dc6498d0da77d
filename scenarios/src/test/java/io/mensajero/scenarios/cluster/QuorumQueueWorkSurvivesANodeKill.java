package io.mensajero.scenarios.cluster;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.Names;
import io.mensajero.scenarios.support.RabbitMqCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13's cluster test: on the local 3-node RabbitMQ cluster, {@code task} publishes persistent
 * tasks with confirms to a quorum queue while {@code work} works on them, both given the three
 * addresses. The node the worker is connected to is SIGKILLed (kill -9 of its Erlang VM): the
 * worker reports the loss, reconnects to another node within seconds and carries on; the node is
 * started again and rejoins. Every task the broker confirmed is acked at least once; the
 * duplicates (a delivery whose ack died with the node is redelivered) are counted and printed
 * with the other figures. RabbitMQ only: Mensajero has no clustering of its own.
 */
@ExtendWith(RabbitMqCluster.Resolver.class)
class QuorumQueueWorkSurvivesANodeKill {
    private static final int TASKS = 2000;
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void taskAndWorkKeepGoingWhileTheWorkersNodeIsKilledAndBroughtBack(RabbitMqCluster cluster) {
        String queue = Names.unique("task_queue");
        long start = System.nanoTime();
        int node = 0;
        boolean down = false;
        try (Participant worker = Participant.start("work", "--queue", queue, "--queue-type", "quorum",
                "--ack-delay", "10ms", "--uri", cluster.uri(), "--name", "worker")) {
            worker.awaitEvent("consuming", WAIT);
            node = cluster.node((int) worker.awaitEvent("connected", WAIT).number("port"));
            assertThat(node).as("the worker's node").isBetween(1, RabbitMqCluster.NODES);
            try (Participant task = Participant.start("task", "job {n}", "--queue", queue, "--queue-type", "quorum",
                    "--count", Integer.toString(TASKS), "--rate", "50", "--uri", cluster.uri(), "--name", "task")) {
                worker.awaitEvents(e -> e.is("acked"), 100, WAIT);

                long killedAt = System.currentTimeMillis();
                cluster.kill(node);
                down = true;
                ParticipantEvent lost = worker.awaitEvent("connection-lost", WAIT);
                ParticipantEvent back = worker.awaitEvent("reconnected", WAIT);
                assertThat(lost.number("port")).isEqualTo(cluster.port(node));
                assertThat(back.number("port")).as("reconnected to another node").isNotEqualTo(cluster.port(node));
                worker.awaitEvent(e -> e.is("acked") && e.time() > back.time(), WAIT);
                int ackedWhileDown = count(worker, "acked");

                long restartFrom = System.nanoTime();
                cluster.restart(node);
                down = false;
                long restartMs = (System.nanoTime() - restartFrom) / 1_000_000;

                assertThat(task.waitFor(Duration.ofMinutes(5))).as("%s", task).isZero();
                ParticipantEvent summary = task.awaitEvent("summary", WAIT);
                assertThat(summary.number("sent")).isEqualTo(TASKS);
                Set<String> confirmed = task.events("sent").stream().map(e -> e.string("body"))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(confirmed).hasSize(TASKS);

                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                        .until(() -> acked(worker).keySet().containsAll(confirmed) && cluster.ready(queue) == 0);
                worker.interrupt();
                assertThat(worker.waitFor(WAIT)).as("%s", worker).isZero();

                Map<String, Integer> acked = acked(worker);
                Set<String> lostTasks = new TreeSet<>(confirmed);
                lostTasks.removeAll(acked.keySet());
                int duplicates = acked.values().stream().mapToInt(n -> n - 1).sum();
                System.out.printf("[cluster] %d tasks confirmed (%d sent again after a reconnection), %d acked by the "
                                + "worker, %d twice, lost %d; node %d (port %d) killed at %.1f s, the worker reconnected "
                                + "to port %d after %d ms and had acked %d by then; the node ran again after %.1f s; "
                                + "%.1f s in all%n",
                        TASKS, summary.number("resent"), acked.values().stream().mapToInt(Integer::intValue).sum(),
                        duplicates, lostTasks.size(), node, cluster.port(node),
                        (killedAt - worker.events().get(0).time()) / 1000.0, back.number("port"),
                        back.number("downMs"), ackedWhileDown, restartMs / 1000.0, (System.nanoTime() - start) / 1e9);
                assertThat(lostTasks).as("confirmed tasks never acked").isEmpty();
                assertThat(acked.keySet()).as("acked tasks that were never confirmed").isSubsetOf(confirmed);
            }
        } finally {
            if (down) {
                cluster.restart(node);
            }
            cluster.deleteQueue(queue);
        }
    }

    private static int count(Participant p, String type) {
        return p.events(type).size();
    }

    /** How many times the worker acked each body. */
    private static Map<String, Integer> acked(Participant worker) {
        Map<String, Integer> acked = new HashMap<>();
        List<ParticipantEvent> events = worker.events("acked");
        events.forEach(e -> acked.merge(e.string("body"), 1, Integer::sum));
        return acked;
    }
}
