package io.mensajero.cli;

import io.mensajero.client.Event;
import picocli.CommandLine.Option;

import java.util.function.Consumer;

/**
 * Test-only fault injection, hidden from --help: {@code --drop-nth N} makes a consuming command
 * handle its Nth delivery as usual (receive: auto-acked; work: worked on and acked) but never
 * report it, so the message vanishes as if the participant had lost it. The lab's tests use it to
 * show that the lab's verdicts come from what the participants report (docs/events.md).
 */
final class FaultOptions {
    @Option(names = "--drop-nth", hidden = true, paramLabel = "N", converter = Converters.CountConverter.class,
            description = "TEST ONLY: handle the Nth delivery but do not report it (default 0: off).")
    int dropNth;

    Consumer<Event> wrap(Consumer<Event> listener) {
        return dropNth == 0 ? listener : new DropNth(dropNth, listener);
    }
}
