package io.mensajero.cli.lab.model;

import java.util.Arrays;
import java.util.List;

/**
 * One thing a scenario checked against RabbitMQ's documented behaviour: the message key (its
 * text, in the lab's resource bundles, states what is expected and shows what was observed, from
 * {@code args}) and whether the run agreed.
 */
public record Check(boolean passed, String key, List<Object> args) {

    public Check {
        args = List.copyOf(args);
    }

    public static Check of(boolean passed, String key, Object... args) {
        return new Check(passed, key, Arrays.asList(args));
    }
}
