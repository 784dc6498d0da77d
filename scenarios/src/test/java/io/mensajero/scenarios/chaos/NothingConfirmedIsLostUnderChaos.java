package io.mensajero.scenarios.chaos;

import io.mensajero.scenarios.support.RabbitMqCluster;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's chaos test, on each broker: 3 workers with an ack delay work on 10,000 persistent
 * tasks that {@code task} publishes with confirms, while a random worker is SIGKILLed every 1-2 s
 * (at least 20 times, each started again) and the broker is killed and started again 3
 * times: on RabbitMQ, kill -9 of one node of the local 3-node cluster (a quorum queue); on
 * Mensajero, SIGKILL of its broker process, started again with the same {@code --data}. Every
 * tool is given the broker's addresses with recovery on. In the end every confirmed task was acked
 * at least once (none lost), the duplicates are counted and reported, and no tool died by itself.
 *
 * <p>Not an {@code @EachBroker} scenario: its brokers must be killable processes (a cluster, a
 * broker with its message store), which the shared RabbitMQ and the embedded broker are not.
 * {@code -Dbrokers} narrows it as it does the others. Figures: {@link ChaosSettings}; each run
 * writes them to {@code target/chaos/} (bench/chaos collects them).
 *
 * <p>It runs only with {@code -Dchaos=true} (bench/chaos sets it): with a 3-node cluster to start
 * it takes about 16 minutes on this 2-core machine, too much for the README's {@code ./mvnw
 * verify}, which must stay well under 30 minutes in all.
 */
class NothingConfirmedIsLostUnderChaos {

    @Test
    @ExtendWith(RabbitMqCluster.Resolver.class)
    void onARabbitMqClusterWhoseNodesAreKilled(RabbitMqCluster cluster) {
        Assumptions.assumeTrue(enabled(), "the chaos test runs with -Dchaos=true (bench/chaos)");
        Assumptions.assumeTrue(wanted("rabbitmq"), "-Dbrokers leaves RabbitMQ out");
        try (ChaosBroker broker = new ClusterChaosBroker(cluster)) {
            check(new ChaosRun(ChaosSettings.fromSystemProperties(), broker).run());
        }
    }

    @Test
    void onMensajeroWhoseBrokerIsKilled() {
        Assumptions.assumeTrue(enabled(), "the chaos test runs with -Dchaos=true (bench/chaos)");
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
        return Boolean.getBoolean("chaos");
    }

    private static boolean wanted(String broker) {
        return Arrays.stream(System.getProperty("brokers", "mensajero,rabbitmq").split(","))
                .map(String::trim).anyMatch(broker::equals);
    }
}
