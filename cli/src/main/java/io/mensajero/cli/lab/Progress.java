package io.mensajero.cli.lab;

import java.io.PrintWriter;

/**
 * The progress line on stderr while the lab runs. On a terminal it is one line, rewritten at
 * each step ("[4/9] asynchrony · starting worker · 12.3 s"); otherwise one line per scenario.
 */
final class Progress {
    private static final int WIDTH = 100;

    private final PrintWriter err;
    private final boolean console;
    private final Messages messages;
    private final long startNanos = System.nanoTime();
    private String scenario = "";
    private boolean showing;

    Progress(PrintWriter err, boolean console, Messages messages) {
        this.err = err;
        this.console = console;
        this.messages = messages;
    }

    synchronized void scenario(int index, int total, String id) {
        scenario = "[" + index + "/" + total + "] " + id;
        if (console) {
            show(scenario);
        } else {
            err.println(messages.get("progress.scenario", scenario));
            err.flush();
        }
    }

    synchronized void step(String text) {
        if (console) {
            show(scenario + " · " + text);
        }
    }

    /** Clears the line, before results are printed. */
    synchronized void clear() {
        if (console && showing) {
            err.print("\r\033[K");
            err.flush();
            showing = false;
        }
    }

    private void show(String text) {
        String line = text + " · " + messages.seconds((System.nanoTime() - startNanos) / 1_000_000);
        if (line.length() > WIDTH) {
            line = line.substring(0, WIDTH - 1) + "…";
        }
        err.print("\r\033[K" + line);
        err.flush();
        showing = true;
    }
}
