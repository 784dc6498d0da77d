package io.mensajero.scenarios.lab;

import io.mensajero.cli.lab.scenario.Scenarios;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole lab, {@code mensajero lab --uri <broker>}, against each broker: every scenario's
 * observations agree with RabbitMQ's documented behaviour, so the exit code is 0. Against
 * RabbitMQ this checks the lab; against Mensajero's broker it checks the broker. Every scenario
 * of a single broker runs on both (node-failover needs a cluster: {@code LabWorkerCarriesOnWhenItsNodeDies}).
 * On Mensajero it is the lab on its own embedded broker, the run {@code LabTimelineRendersInChromium}
 * renders too ({@link LabRun#wholeLab()}, made once for both).
 */
class EveryLabScenarioBehavesAsRabbitMqDocuments {

    @EachBroker
    void everyScenarioPasses(BrokerUnderTest broker) {
        List<String> scenarios = new ArrayList<>(Scenarios.singleBrokerIds());
        LabRun run;
        if (broker.isRabbitMq()) {
            List<String> args = new ArrayList<>(List.of("--uri", broker.uri()));
            args.addAll(scenarios);
            run = LabRun.of(args.toArray(String[]::new));
        } else {
            run = LabRun.wholeLab();
            assertThat(run.out).as("%s", run).contains("broker: Mensajero's own broker");
        }

        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.out).as("%s", run).contains("All " + scenarios.size() + " scenarios behaved as RabbitMQ documents");
        for (String scenario : scenarios) {
            assertThat(run.summaryLine(scenario)).as("%s in %s", scenario, run).isNotNull().contains("✓");
            assertThat(run.block(scenario)).as("%s", scenario).contains("Verdict: ✓ as RabbitMQ documents.")
                    .contains("Why: ");
        }
        assertThat(run.out).containsPattern("queues and exchanges of this run: hello\\.lab-[0-9a-f]{6}-1");
        assertThat(run.block("ack-delay-kill")).contains("(redelivered)").contains("SIGKILL at");
        assertThat(run.block("auto-ack-loss")).contains("LOST");
        assertThat(run.block("distributed-operation")).containsPattern("order-4 +\\d");
        System.out.println("[" + broker.name() + "] the lab took " + run.tookMs + " ms");
    }
}
