package io.mensajero.cli.bench.output;

import io.mensajero.cli.bench.model.BenchSettings;
import io.mensajero.cli.bench.stats.Sample;
import io.mensajero.cli.bench.stats.Summary;
import io.mensajero.cli.lab.Messages;

import java.io.PrintWriter;

/** Where a run reports: human-readable lines, or JSON lines ({@code --json}). Called from one thread at a time. */
public interface BenchOutput {
    /** Everything is connected and declared; producers start now. */
    void started(BenchSettings settings, String uri, long setupMillis);

    /** One interval's rates and latencies. */
    void sample(Sample sample);

    /** The whole run, last. */
    void summary(BenchSettings settings, Summary summary);

    /** JSON lines (the same in every language), or human lines in the language of {@code messages}. */
    static BenchOutput of(PrintWriter out, boolean json, String participant, Messages messages) {
        return json ? new JsonOutput(out, participant) : new HumanOutput(out, messages);
    }
}
