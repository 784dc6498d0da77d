package io.mensajero.cli.bench.output;

import io.mensajero.cli.bench.model.BenchSettings;
import io.mensajero.cli.bench.stats.Latency;
import io.mensajero.cli.bench.stats.Sample;
import io.mensajero.cli.bench.stats.Summary;
import io.mensajero.cli.bench.stats.Totals;
import io.mensajero.cli.lab.Messages;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines for people, close to PerfTest's own, in the language of {@code messages} ({@code cmd.bench.*}):
 * {@code time 1.000 s, sent 12043 msg/s, received 12040 msg/s, min/median/75th/95th/99th consumer latency 90/210/260/410/900 µs}.
 * Figures are passed as text, so that they are never grouped; decimals follow the language (1.5 or 1,5).
 */
final class HumanOutput implements BenchOutput {
    private final PrintWriter out;
    private final Messages messages;

    HumanOutput(PrintWriter out, Messages messages) {
        this.out = out;
        this.messages = messages;
    }

    @Override
    public void started(BenchSettings s, String uri, long setupMillis) {
        List<String> parts = new ArrayList<>();
        parts.add(get("cmd.bench.participants", s.producers(), s.consumers()));
        parts.add(get(s.persistent() ? "cmd.bench.size.persistent" : "cmd.bench.size", String.valueOf(s.messageSize())));
        parts.add(get("cmd.bench.exchange", s.exchange(), s.exchangeType().wireName()));
        parts.add(get("cmd.bench.queues", queues(s)));
        parts.add(s.autoAck() ? get("cmd.bench.autoAck") : get("cmd.bench.manualAck")
                + (s.prefetch() > 0 ? get("cmd.bench.prefetch", String.valueOf(s.prefetch())) : "")
                + (s.multiAckEvery() > 1 ? get("cmd.bench.multiAck", String.valueOf(s.multiAckEvery())) : ""));
        parts.add(!s.confirms() ? get("cmd.bench.noConfirms") : s.confirm() > 0
                ? get("cmd.bench.confirms.outstanding", String.valueOf(s.confirm())) : get("cmd.bench.confirms"));
        parts.add(s.rate() > 0 ? get("cmd.bench.rate", number(s.rate())) : get("cmd.bench.noRate"));
        parts.add(limits(s));
        out.println(get("cmd.bench.started", String.join("; ", parts)));
        out.println(get("cmd.bench.connected", uri, String.valueOf(setupMillis)));
        out.flush();
    }

    @Override
    public void sample(Sample s) {
        StringBuilder line = new StringBuilder(get("cmd.bench.sample", seconds(s.elapsedNanos()), number(s.sendRate()),
                number(s.receiveRate())));
        Totals c = s.counts();
        if (c.confirmed() > 0) {
            line.append(get("cmd.bench.sample.confirmed", number(s.confirmRate())));
        }
        if (c.nacked() > 0) {
            line.append(get("cmd.bench.sample.nacked", number(s.nackRate())));
        }
        if (c.returned() > 0) {
            line.append(get("cmd.bench.sample.returned", number(s.returnRate())));
        }
        line.append(get("cmd.bench.sample.latency", percentiles(s.latency(), false)));
        out.println(line);
        out.flush();
    }

    @Override
    public void summary(BenchSettings settings, Summary s) {
        Totals t = s.totals();
        StringBuilder line = new StringBuilder(get("cmd.bench.summary", seconds(s.elapsedNanos()), reason(s.reason()),
                String.valueOf(t.sent()), number(s.sendRate()), String.valueOf(t.received()), number(s.receiveRate())));
        if (settings.confirms()) {
            line.append(get("cmd.bench.summary.confirmed", String.valueOf(t.confirmed()), number(s.confirmRate())));
        }
        if (t.nacked() > 0) {
            line.append(get("cmd.bench.summary.nacked", String.valueOf(t.nacked())));
        }
        if (t.returned() > 0) {
            line.append(get("cmd.bench.summary.returned", String.valueOf(t.returned())));
        }
        out.println(line);
        out.println(get("cmd.bench.summary.latency", percentiles(s.latency(), true), String.valueOf(s.latency().count())));
        out.flush();
    }

    static String percentiles(Latency l, boolean withMax) {
        return l.min() + "/" + l.p50() + "/" + l.p75() + "/" + l.p95() + "/" + l.p99() + (withMax ? "/" + l.max() : "");
    }

    /** A rate: whole from 100 up (or when whole), else with one decimal in the language's notation. */
    private String number(double rate) {
        return rate >= 100 || rate == Math.rint(rate) ? String.valueOf(Math.round(rate))
                : String.format(messages.locale(), "%.1f", rate);
    }

    private String seconds(long nanos) {
        return String.format(messages.locale(), "%.3f", nanos / 1e9);
    }

    private String get(String key, Object... args) {
        return messages.get(key, args);
    }

    /** Why the run ended ("time limit", "SIGINT", ...): said in the language when the bundles have it. */
    private String reason(String reason) {
        String key = "cmd.bench.reason." + String.valueOf(reason).replace(' ', '-');
        return messages.has(key) ? get(key) : reason;
    }

    private String queues(BenchSettings s) {
        List<String> names = s.queues().sequenceNames();
        if (!names.isEmpty()) {
            return names.size() == 1 ? names.get(0)
                    : get("cmd.bench.queues.range", names.get(0), names.get(names.size() - 1),
                    String.valueOf(names.size()));
        }
        String queue = s.queues().consumerQueue(0);
        return queue.isEmpty() ? get("cmd.bench.queues.serverNamed") : queue;
    }

    private String limits(BenchSettings s) {
        List<String> limits = new ArrayList<>();
        if (s.duration() != null) {
            limits.add(get("cmd.bench.for", number(s.duration().toMillis() / 1000.0)));
        }
        if (s.producerMessageCount() > 0) {
            limits.add(get("cmd.bench.perProducer", String.valueOf(s.producerMessageCount())));
        }
        if (s.consumerMessageCount() > 0) {
            limits.add(get("cmd.bench.perConsumer", String.valueOf(s.consumerMessageCount())));
        }
        return limits.isEmpty() ? get("cmd.bench.untilStopped") : String.join(", ", limits);
    }
}
