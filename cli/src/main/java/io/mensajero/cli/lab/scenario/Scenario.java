package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.ScenarioContext;
import io.mensajero.cli.lab.model.Verdict;

/**
 * One course exercise, reproduced: it starts participants (separate processes) through the
 * context, acts on them, and judges what they reported against RabbitMQ's documented behaviour.
 * Its texts are {@code scenario.<id>.title} (one line: what it does), {@code scenario.<id>.why}
 * and its verdict summary {@code verdict.<id>}.
 */
public interface Scenario {

    /** Its name on the command line, e.g. {@code two-receivers}. */
    String id();

    /**
     * Whether Mensajero's broker can run it today; a scenario that needs what the broker does not
     * do yet says no, and the lab leaves it out there (every scenario runs on both brokers now).
     */
    default boolean runsOnMensajero() {
        return true;
    }

    /**
     * True when it needs a cluster: several broker addresses, and a way to kill a node and start it
     * again (the lab's node hook). The lab offers it only when given several addresses.
     */
    default boolean needsCluster() {
        return false;
    }

    /**
     * Runs it. Every participant it starts is stopped (or killed) before it returns.
     *
     * @throws io.mensajero.cli.lab.ScenarioIncomplete when something awaited did not happen
     */
    Verdict run(ScenarioContext ctx);
}
