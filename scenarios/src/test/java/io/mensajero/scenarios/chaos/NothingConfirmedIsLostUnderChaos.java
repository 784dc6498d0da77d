package io.mensajero.scenarios.chaos;

import io.mensajero.scenarios.support.RabbitMqCluster;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's chaos test, on each broker: 3 workers with an ack delay work on persistent tasks that
 * {@code task} publishes with confirms, while a random worker is SIGKILLed every 1-2 s (each
 * started again) and the broker is killed and started again 3 times: on RabbitMQ, kill -9 of one
 * node of the local 3-node cluster (a quorum queue); on Mensajero, SIGKILL of its broker process,
 * started again with the same {@code --data}. Every tool is given the broker's addresses with
 * recovery on. In the end every confirmed task was acked at least once (none lost), the
 * duplicates are counted and reported, and no tool died by itself. The figures (tasks, kills,
 * duplicates, lost) are printed as one {@code [chaos <broker>]} line and written to
 * {@code target/chaos/}; when tasks are lost, where they may be is printed too.
 *
 * <p>Not an {@code @EachBroker} scenario: its brokers must be killable processes (a cluster, a
 * broker with its message store), which the shared RabbitMQ and the embedded broker are not.
 * {@code -Dbrokers} narrows it as it does the others. The RabbitMQ half uses the cluster the
 * cluster scenarios use (one per test run), asked for only once it knows it runs.
 *
 * <p>{@code ./mvnw verify} runs it at its CI size ({@link ChaosSettings}: 3,000 tasks, at least 10
 * worker kills, 3 broker kills; a few minutes per broker); {@code -Dchaos=false} leaves it out.
 * {@code bench/chaos} runs it at any size (the 10,000 tasks and 20 kills, or a million
 * tasks and 200 kills) through the {@code chaos.*} system properties and adds its figures to
 * docs/benchmarks.md.
 */
class NothingConfirmedIsLostUnderChaos {

    @Test
    @ExtendWith(RabbitMqCluster.Resolver.class)
    void onARabbitMqClusterWhoseNodesAreKilled(RabbitMqCluster.OnDemand cluster) {
        Assumptions.assumeTrue(enabled(), "-Dchaos=false leaves the chaos test out");
        Assumptions.assumeTrue(wanted("rabbitmq"), "-Dbrokers leaves RabbitMQ out");
        try (ChaosBroker broker = new ClusterChaosBroker(cluster.get())) {
            check(new ChaosRun(ChaosSettings.fromSystemProperties(), broker).run());
        }
    }

    @Test
    void onMensajeroWhoseBrokerIsKilled() {
        Assumptions.assumeTrue(enabled(), "-Dchaos=false leaves the chaos test out");
        Assumptions.assumeTrue(wanted("mensajero"), "-Dbrokers leaves Mensajero out");
        try (MensajeroChaosBroker broker = MensajeroChaosBroker.start()) {
            ChaosReport report = new ChaosRun(ChaosSettings.fromSystemProperties(), broker).run();
            if (!report.problems().isEmpty() || !report.lost().isEmpty()) {
                System.out.println("[chaos mensajero] the broker's stderr: " + broker.stderr());
            }
            check(report);
        }
    }

    private static void check(ChaosReport report) {
        Path file = report.write();
        System.out.println(report.summary() + " (" + file + ")");
        ChaosSettings settings = report.settings();
        assertThat(report.problems()).as("tools that failed by themselves").isEmpty();
        assertThat(report.workerKills()).isGreaterThanOrEqualTo(settings.workerKills());
        assertThat(report.brokerKills()).isGreaterThanOrEqualTo(settings.brokerKills());
        assertThat(report.confirmed()).as("tasks the publisher had confirmed").isEqualTo(settings.tasks());
        assertThat(report.lost()).as("confirmed tasks no worker acked: LOST").isEmpty();
        assertThat(report.ackedUnconfirmed()).as("acked tasks the publisher never had confirmed").isEmpty();
        assertThat(report.unexpected()).as("bodies that are no task of this run").isZero();
        assertThat(report.reconnections()).as("reconnections after the broker kills").isPositive();
    }

    private static boolean enabled() {
        return !"false".equals(System.getProperty("chaos", "true").trim());
    }

    private static boolean wanted(String broker) {
        return Arrays.stream(System.getProperty("brokers", "mensajero,rabbitmq").split(","))
                .map(String::trim).anyMatch(broker::equals);
    }
}
