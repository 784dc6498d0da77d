package io.mensajero.cli.bench.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mensajero.cli.bench.model.BenchSettings;
import io.mensajero.cli.bench.stats.Latency;
import io.mensajero.cli.bench.stats.Sample;
import io.mensajero.cli.bench.stats.Summary;
import io.mensajero.cli.bench.stats.Totals;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line, with {@code event}, {@code participant} and {@code time} like every
 * command's events (docs/events.md): {@code bench-started}, {@code bench-sample} per interval,
 * {@code summary} last.
 */
final class JsonOutput implements BenchOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final String participant;

    JsonOutput(PrintWriter out, String participant) {
        this.out = out;
        this.participant = participant;
    }

    @Override
    public void started(BenchSettings s, String uri, long setupMillis) {
        Map<String, Object> e = event("bench-started");
        e.put("uri", uri);
        e.put("producers", s.producers());
        e.put("consumers", s.consumers());
        e.put("queues", s.queues().isSequence() ? s.queues().sequenceNames().size() : null);
        e.put("queue", s.queues().describe());
        e.put("size", s.messageSize());
        e.put("rate", s.rate());
        e.put("confirm", s.confirm());
        e.put("persistent", s.persistent());
        e.put("mandatory", s.mandatory());
        e.put("autoAck", s.autoAck());
        e.put("prefetch", s.prefetch());
        e.put("multiAckEvery", s.multiAckEvery());
        e.put("exchange", s.exchange());
        e.put("exchangeType", s.exchangeType().wireName());
        e.put("durationSeconds", s.duration() == null ? null : s.duration().toMillis() / 1000.0);
        e.put("producerMessageCount", s.producerMessageCount());
        e.put("consumerMessageCount", s.consumerMessageCount());
        e.put("queueArguments", s.queueArguments());
        e.put("setupMillis", setupMillis);
        print(e);
    }

    @Override
    public void sample(Sample s) {
        Map<String, Object> e = event("bench-sample");
        e.put("elapsedSeconds", s.elapsedNanos() / 1e9);
        e.put("intervalSeconds", s.intervalNanos() / 1e9);
        counts(e, s.counts());
        e.put("sendRate", s.sendRate());
        e.put("receiveRate", s.receiveRate());
        e.put("confirmRate", s.confirmRate());
        e.put("latencyMicros", latency(s.latency()));
        print(e);
    }

    @Override
    public void summary(BenchSettings settings, Summary s) {
        Map<String, Object> e = event("summary");
        e.put("elapsedSeconds", s.elapsedNanos() / 1e9);
        counts(e, s.totals());
        e.put("sendRate", s.sendRate());
        e.put("receiveRate", s.receiveRate());
        e.put("confirmRate", s.confirmRate());
        e.put("latencyMicros", latency(s.latency()));
        e.put("reason", s.reason());
        print(e);
    }

    private Map<String, Object> event(String name) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event", name);
        e.put("participant", participant);
        e.put("time", System.currentTimeMillis());
        return e;
    }

    private static void counts(Map<String, Object> e, Totals t) {
        e.put("sent", t.sent());
        e.put("received", t.received());
        e.put("confirmed", t.confirmed());
        e.put("nacked", t.nacked());
        e.put("returned", t.returned());
    }

    private static Map<String, Object> latency(Latency l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", l.count());
        m.put("min", l.min());
        m.put("p50", l.p50());
        m.put("p75", l.p75());
        m.put("p95", l.p95());
        m.put("p99", l.p99());
        m.put("max", l.max());
        return m;
    }

    private void print(Map<String, Object> e) {
        try {
            out.println(JSON.writeValueAsString(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("bench events hold plain values", ex);
        }
        out.flush();
    }
}
