package io.mensajero.cli;

import io.mensajero.cli.lab.Messages;
import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.MessagingPattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * A command that runs one client pattern: builds it from the options, prints its events, stops
 * it on SIGINT/SIGTERM and returns 0 once it has printed its summary. Failures are thrown as
 * {@link io.mensajero.client.MensajeroException}s; {@link Main} prints them as one line.
 */
abstract class ClientCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** The pattern, listening with {@code printer} and named {@code name}. */
    abstract MessagingPattern pattern(ConnectionSettings settings, String name, EventPrinter printer);

    @Override
    public Integer call() {
        ConnectionSettings settings = common.settings();
        String name = common.name == null ? spec.name() : common.name;
        Messages messages = common.messages(spec.commandLine());
        HumanLines lines = new HumanLines(messages, spec.name());
        EventPrinter printer = new EventPrinter(spec.commandLine().getOut(), common.json, common.name, lines);
        MessagingPattern pattern = pattern(settings, name, printer);
        CountDownLatch finished = new CountDownLatch(1);
        Signals.onStop(pattern::stop, finished, spec.commandLine().getErr(), messages);
        try {
            pattern.run();
            return 0;
        } finally {
            finished.countDown();
        }
    }
}
