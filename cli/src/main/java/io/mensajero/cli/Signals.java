package io.mensajero.cli;

import io.mensajero.cli.lab.Messages;
import sun.misc.Signal;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * SIGINT and SIGTERM ask the running command to stop (like the course's staged producer, which
 * sets a flag): it finishes cleanly, prints its summary and exits 0. A second signal stops at
 * once (exit 130 or 143).
 *
 * <p>Handlers come from {@code sun.misc.Signal} (module jdk.unsupported). Where it cannot be
 * used, a shutdown hook asks the command to stop and waits for it; the JVM then exits with the
 * signal's status (130/143) rather than 0.
 */
public final class Signals {
    private static final long HOOK_WAIT_SECONDS = 10;

    private Signals() {
    }

    /** As {@link #onStop(Consumer, CountDownLatch, PrintWriter, Messages)}, saying the second signal in English. */
    public static void onStop(Consumer<String> stop, CountDownLatch finished, PrintWriter err) {
        onStop(stop, finished, err, Messages.forLanguage("en"));
    }

    /**
     * Calls {@code stop} with "SIGINT" or "SIGTERM" on the first signal. {@code finished} is
     * counted down by the caller when the command has printed its summary. A second signal is
     * said on {@code err} in the language of {@code messages}.
     */
    public static void onStop(Consumer<String> stop, CountDownLatch finished, PrintWriter err, Messages messages) {
        AtomicInteger received = new AtomicInteger();
        try {
            for (String name : new String[] {"INT", "TERM"}) {
                Signal.handle(new Signal(name), signal -> {
                    if (received.incrementAndGet() == 1) {
                        stop.accept("SIG" + signal.getName());
                    } else {
                        err.println("mensajero: " + messages.get("cmd.error.secondSignal", "SIG" + signal.getName()));
                        err.flush();
                        Runtime.getRuntime().halt(128 + signal.getNumber());
                    }
                });
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.accept("shutdown");
                try {
                    finished.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }, "mensajero-stop"));
        }
    }
}
