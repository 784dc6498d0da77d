package io.mensajero.cli.lab.model;

import java.util.List;

/**
 * One scenario's run: which scenario, the broker names it used, what happened and the verdict.
 *
 * @param id       the scenario's name, e.g. {@code two-receivers}
 * @param number   its position in the lab (1 = hello)
 * @param names    the queues and exchanges it declared (unique to the run)
 * @param timeline what happened, lane by lane
 * @param verdict  the checks against RabbitMQ's documented behaviour
 */
public record ScenarioResult(String id, int number, List<String> names, Timeline timeline, Verdict verdict) {

    public ScenarioResult {
        names = List.copyOf(names);
    }

    public boolean passed() {
        return verdict.passed();
    }

    public long durationMs() {
        return timeline.durationMs();
    }
}
