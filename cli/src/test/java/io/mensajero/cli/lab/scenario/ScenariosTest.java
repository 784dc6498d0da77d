package io.mensajero.cli.lab.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue answers which scenarios run by default, for the lab and for the scenarios module alike. */
class ScenariosTest {
    @Test
    void onOneBrokerEveryScenarioButTheClusterOnesRunsByDefaultInTheLabsOrder() {
        assertThat(Scenarios.byDefault(false)).isNotEmpty().noneMatch(Scenario::needsCluster)
                .containsSubsequence(Scenarios.byId("hello").orElseThrow(), Scenarios.byId("poison-message").orElseThrow());
        assertThat(Scenarios.byDefault(false).stream().map(Scenario::id)).doesNotContain("node-failover");
        assertThat(Scenarios.all()).filteredOn(s -> !s.needsCluster()).containsExactlyElementsOf(Scenarios.byDefault(false));
        assertThat(Scenarios.singleBrokerIds()).containsExactlyElementsOf(
                Scenarios.byDefault(false).stream().map(Scenario::id).toList());
    }

    @Test
    void onAClusterEveryScenarioRunsByDefault() {
        assertThat(Scenarios.byDefault(true)).containsExactlyElementsOf(Scenarios.all());
        assertThat(Scenarios.byDefault(true).stream().map(Scenario::id)).contains("node-failover");
    }
}
