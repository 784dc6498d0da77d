package io.mensajero.cli.lab.render;

import java.util.List;
import java.util.Map;

/**
 * "Try it yourself": for each scenario, the commands that reproduce it by hand, one terminal
 * each, with the {@code mensajero} tools and with the course's Python scripts. The commands are
 * the same in every language; what to do and watch for is the bundle's {@code try.<id>.note}.
 */
final class TryIt {
    /** One terminal: its number(s), the mensajero command, and the course's script (null when none fits). */
    record Step(String terminal, String mensajero, String python) {
    }

    private static final Map<String, List<Step>> STEPS = Map.of(
            "hello", List.of(
                    new Step("1", "./mensajero receive", "python consumer.py"),
                    new Step("2", "./mensajero send", "python producer.py")),
            "two-receivers", List.of(
                    new Step("1", "./mensajero receive --name a", "python ejercicio-bloque-a/consumer-a.py"),
                    new Step("2", "./mensajero receive --name b", "python ejercicio-bloque-a/consumer-b.py"),
                    new Step("3", "./mensajero send \"message {n}\" --count 6", "python producer.py")),
            "staged-stop", List.of(
                    new Step("1", "./mensajero receive --name a", "python ejercicio-bloque-a/consumer-a.py"),
                    new Step("2", "./mensajero receive --name b", "python ejercicio-bloque-a/consumer-b.py"),
                    new Step("3", "./mensajero staged", "python ejercicio-bloque-a/producer.py")),
            "asynchrony", List.of(
                    new Step("1", "./mensajero task \"task {n}\" --count 5", "python producer-v2.py"),
                    new Step("2", "./mensajero work", "python consumer-v2.py")),
            "distributed-operation", List.of(
                    new Step("1", "./mensajero work --queue orders.reserve --forward-to orders.charge", null),
                    new Step("2", "./mensajero work --queue orders.charge --forward-to orders.ship", null),
                    new Step("3", "./mensajero work --queue orders.ship", null),
                    new Step("4", "./mensajero task \"order {n}\" --queue orders.reserve --count 5 "
                            + "--correlation-id \"order-{n}\"", null)),
            "workers-vs-subscribers", List.of(
                    new Step("1, 2, 3", "./mensajero work", "python consumer-v2.py"),
                    new Step("4, 5, 6", "./mensajero subscribe", "python consumer-v3.py"),
                    new Step("7", "./mensajero task \"task {n}\" --count 6", "python producer-v2.py"),
                    new Step("7", "./mensajero publish \"event {n}\" --count 3", "python producer-v3.py")),
            "ack-delay-kill", List.of(
                    new Step("1", "./mensajero work --name slow --ack-delay 30s", null),
                    new Step("2", "./mensajero work --name fast", "python consumer-v2.py"),
                    new Step("3", "./mensajero task \"job {n}\" --count 4", "python producer-v2.py")),
            "auto-ack-loss", List.of(
                    new Step("1", "./mensajero work --name slow --auto-ack --ack-delay 30s", null),
                    new Step("2", "./mensajero work --name fast", "python consumer-v2.py"),
                    new Step("3", "./mensajero task \"job {n}\" --count 4", "python producer-v2.py")),
            "fair-dispatch", List.of(
                    new Step("1", "./mensajero work --name slow --prefetch 0 --ack-delay 2s", null),
                    new Step("2", "./mensajero work --name fast --prefetch 0", null),
                    new Step("3", "./mensajero task \"task {n}\" --count 8", "python producer-v2.py")));

    private TryIt() {
    }

    /** The steps of a scenario (empty for an unknown one). */
    static List<Step> steps(String scenario) {
        return STEPS.getOrDefault(scenario, List.of());
    }

    static java.util.Set<String> scenarios() {
        return STEPS.keySet();
    }
}
