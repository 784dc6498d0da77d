package io.mensajero.cli.lab;

import io.mensajero.cli.lab.model.ScenarioResult;
import io.mensajero.cli.lab.model.Verdict;
import io.mensajero.cli.lab.scenario.Scenario;
import io.mensajero.cli.lab.scenario.Scenarios;
import io.mensajero.cli.process.ParticipantException;

import java.util.List;
import java.util.Map;

/**
 * Runs scenarios one after the other against one broker. Each gets a fresh
 * {@link ScenarioContext} whose names end in {@code .lab-<run id>-<scenario number>}, so that
 * nothing it declares meets another scenario, another run or another user of the broker.
 */
final class Lab {
    private final LabBroker broker;
    private final Messages messages;
    private final Progress progress;
    private final String runId;
    private final Map<String, Map<String, Integer>> drops;
    private final NodeHook nodeHook;
    private volatile ScenarioContext current;

    /**
     * @param drops    for the lab's own tests: scenario, then participant, then which delivery it
     *                 drops (see the hidden {@code --drop-nth} option)
     * @param nodeHook how a scenario on a cluster kills and restarts a node, or null
     */
    Lab(LabBroker broker, Messages messages, Progress progress, String runId, Map<String, Map<String, Integer>> drops,
        NodeHook nodeHook) {
        this.broker = broker;
        this.messages = messages;
        this.progress = progress;
        this.runId = runId;
        this.drops = drops;
        this.nodeHook = nodeHook;
    }

    String runId() {
        return runId;
    }

    ScenarioResult run(Scenario scenario, int index, int total) {
        progress.scenario(index, total, scenario.id());
        int number = Scenarios.number(scenario);
        ScenarioContext ctx = new ScenarioContext(broker, messages, progress, ".lab-" + runId + "-" + number,
                drops.getOrDefault(scenario.id(), Map.of()), nodeHook);
        current = ctx;
        Verdict verdict;
        try {
            verdict = scenario.run(ctx);
        } catch (ScenarioIncomplete | ParticipantException e) {
            verdict = Verdict.incomplete(Messages.oneLine(e.getMessage()), List.of());
        } finally {
            ctx.end();
            ctx.close();
            current = null;
            progress.clear();
        }
        return new ScenarioResult(scenario.id(), number, ctx.names(), ctx.timeline(), verdict.plus(ctx.exits()));
    }

    /** Stops the scenario running now (its participants are killed, its names deleted). */
    void abort() {
        ScenarioContext ctx = current;
        if (ctx != null) {
            ctx.close();
        }
    }
}
