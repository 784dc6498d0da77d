package io.mensajero.cli.bench.output;

import io.mensajero.cli.bench.model.BenchSettings;
import io.mensajero.cli.bench.stats.Latency;
import io.mensajero.cli.bench.stats.Sample;
import io.mensajero.cli.bench.stats.Summary;
import io.mensajero.cli.bench.stats.Totals;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lines for people, close to PerfTest's own:
 * {@code time 1.000 s, sent 12043 msg/s, received 12040 msg/s, min/median/75th/95th/99th consumer latency 90/210/260/410/900 µs}.
 */
final class HumanOutput implements BenchOutput {
    private final PrintWriter out;

    HumanOutput(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void started(BenchSettings s, String uri, long setupMillis) {
        List<String> parts = new ArrayList<>();
        parts.add(plural(s.producers(), "producer") + ", " + plural(s.consumers(), "consumer"));
        parts.add(s.messageSize() + " B messages" + (s.persistent() ? ", persistent" : ""));
        parts.add("exchange '" + s.exchange() + "' (" + s.exchangeType().wireName() + ")");
        parts.add("queues: " + s.queues().describe());
        parts.add(s.autoAck() ? "autoack" : "manual ack" + (s.prefetch() > 0 ? ", prefetch " + s.prefetch() : "")
                + (s.multiAckEvery() > 1 ? ", multi-ack every " + s.multiAckEvery() : ""));
        parts.add(s.confirms() ? "confirms" + (s.confirm() > 0 ? " (" + s.confirm() + " outstanding)" : "") : "no confirms");
        parts.add(s.rate() > 0 ? "rate " + number(s.rate()) + " msg/s per producer" : "no rate limit");
        parts.add(limits(s));
        out.println("bench: " + String.join("; ", parts));
        out.println("bench: " + uri + ", connected and declared in " + setupMillis + " ms");
        out.flush();
    }

    @Override
    public void sample(Sample s) {
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "time %.3f s, sent %s msg/s, received %s msg/s", s.elapsedNanos() / 1e9,
                number(s.sendRate()), number(s.receiveRate())));
        Totals c = s.counts();
        if (c.confirmed() > 0) {
            line.append(", confirmed ").append(number(s.confirmRate())).append(" msg/s");
        }
        if (c.nacked() > 0) {
            line.append(", nacked ").append(number(s.nackRate())).append(" msg/s");
        }
        if (c.returned() > 0) {
            line.append(", returned ").append(number(s.returnRate())).append(" msg/s");
        }
        line.append(", min/median/75th/95th/99th consumer latency ").append(percentiles(s.latency(), false)).append(" µs");
        out.println(line);
        out.flush();
    }

    @Override
    public void summary(BenchSettings settings, Summary s) {
        Totals t = s.totals();
        out.println(String.format(Locale.ROOT, "summary: %.3f s (%s); sent %d messages (%s msg/s on average), "
                        + "received %d (%s msg/s)%s%s%s", s.elapsedNanos() / 1e9, s.reason(), t.sent(),
                number(s.sendRate()), t.received(), number(s.receiveRate()),
                settings.confirms() ? ", confirmed " + t.confirmed() + " (" + number(s.confirmRate()) + " msg/s)" : "",
                t.nacked() > 0 ? ", nacked " + t.nacked() : "", t.returned() > 0 ? ", returned " + t.returned() : ""));
        out.println("summary: consumer latency min/median/75th/95th/99th/max " + percentiles(s.latency(), true)
                + " µs over " + s.latency().count() + " messages");
        out.flush();
    }

    static String percentiles(Latency l, boolean withMax) {
        return l.min() + "/" + l.p50() + "/" + l.p75() + "/" + l.p95() + "/" + l.p99() + (withMax ? "/" + l.max() : "");
    }

    static String number(double rate) {
        return rate >= 100 || rate == Math.rint(rate) ? String.valueOf(Math.round(rate))
                : String.format(Locale.ROOT, "%.1f", rate);
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String limits(BenchSettings s) {
        List<String> limits = new ArrayList<>();
        if (s.duration() != null) {
            limits.add("for " + number(s.duration().toMillis() / 1000.0) + " s");
        }
        if (s.producerMessageCount() > 0) {
            limits.add(s.producerMessageCount() + " messages per producer");
        }
        if (s.consumerMessageCount() > 0) {
            limits.add(s.consumerMessageCount() + " messages per consumer");
        }
        return limits.isEmpty() ? "until stopped (Ctrl-C)" : String.join(", ", limits);
    }
}
