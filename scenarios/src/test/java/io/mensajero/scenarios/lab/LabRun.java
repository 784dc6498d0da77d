package io.mensajero.scenarios.lab;

import io.mensajero.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One {@code mensajero lab ...} run, in this JVM (its participants are separate processes). */
final class LabRun {
    /** The page of {@link #wholeLab()}. */
    static final Path WHOLE_LAB_PAGE = Path.of("target", "lab-whole", "lab.html").toAbsolutePath();
    private static LabRun wholeLab;

    final int exitCode;
    final String out;
    final String err;
    final long tookMs;

    private LabRun(int exitCode, String out, String err, long tookMs) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
        this.tookMs = tookMs;
    }

    /** Runs {@code mensajero lab <args> --lang en}. */
    static LabRun of(String... args) {
        return inLanguage("en", args);
    }

    /**
     * {@code mensajero lab --html target/lab-whole/lab.html --lang en}: every single-broker scenario
     * on the lab's own embedded broker, with its page. Run once per test run and shared by the
     * scenarios that each need exactly that run (the whole lab judged on Mensajero's broker, its
     * page rendered in Chromium): a whole lab takes about a minute on this machine.
     */
    static synchronized LabRun wholeLab() {
        if (wholeLab == null) {
            try {
                Files.createDirectories(WHOLE_LAB_PAGE.getParent());
                Files.deleteIfExists(WHOLE_LAB_PAGE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            wholeLab = of("--html", WHOLE_LAB_PAGE.toString());
        }
        return wholeLab;
    }

    /** Runs {@code mensajero lab <args> --lang <language>}. */
    static LabRun inLanguage(String language, String... args) {
        List<String> all = new ArrayList<>(List.of("lab"));
        all.addAll(List.of(args));
        all.addAll(List.of("--lang", language));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(new String[0]));
        return new LabRun(code, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The summary line of one scenario, e.g. "  ✓  hello   1.2 s". */
    String summaryLine(String scenario) {
        String summary = out.substring(out.lastIndexOf("── summary"));
        return summary.lines().filter(l -> l.matches("\\s+[✓✗]\\s+" + scenario + "\\s.*")).findFirst().orElse(null);
    }

    /** One scenario's block of output. */
    String block(String scenario) {
        int from = out.indexOf(" · " + scenario + " ──");
        if (from < 0) {
            return "";
        }
        int to = out.indexOf("\n── ", from + 1);
        return out.substring(from, to < 0 ? out.length() : to);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + " after " + tookMs + " ms\n" + out + "\nstderr:\n" + err;
    }
}
