package io.mensajero.cli.bench.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-thread counters and recorders, added up once per interval and for the whole run. */
class AggregatorTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void eachSampleHoldsItsIntervalAndTheSummaryTheWholeRun() {
        ProducerStats p1 = new ProducerStats();
        ProducerStats p2 = new ProducerStats();
        Counter c1 = new Counter();
        Counter c2 = new Counter();
        LatencyRecorders latencies = new LatencyRecorders(2);
        Aggregator aggregator = new Aggregator(List.of(p1, p2), List.of(c1, c2), latencies, 1_000 * SECOND);

        p1.sent.add(300);
        p2.sent.add(200);
        p1.confirmed.add(250);
        p2.nacked.add(5);
        p2.returned.increment();
        c1.add(100);
        c2.add(100);
        for (int i = 1; i <= 100; i++) {
            LatencyRecorders.record(latencies.forConsumer(0), i * 10L);
            LatencyRecorders.record(latencies.forConsumer(1), 1_000L);
        }
        Sample first = aggregator.sample(1_001 * SECOND);
        assertThat(first.counts()).isEqualTo(new Totals(500, 200, 250, 5, 1));
        assertThat(first.sendRate()).isEqualTo(500.0);
        assertThat(first.receiveRate()).isEqualTo(200.0);
        assertThat(first.latency().count()).isEqualTo(200);
        assertThat(first.latency().min()).isEqualTo(10);
        assertThat(first.latency().max()).isEqualTo(1_000);
        assertThat(first.latency().p50()).as("100 values 10..1000 and 100 of 1000").isEqualTo(1_000);
        assertThat(first.latency().p95()).isEqualTo(1_000);
        assertThat(first.latency().p99()).isEqualTo(1_000);

        p1.sent.add(1_000);
        c2.add(500);
        for (int i = 0; i < 500; i++) {
            LatencyRecorders.record(latencies.forConsumer(1), 5_000L);
        }
        Sample second = aggregator.sample(1_003 * SECOND);
        assertThat(second.counts()).isEqualTo(new Totals(1_000, 500, 0, 0, 0));
        assertThat(second.sendRate()).as("1000 in a 2 s interval").isEqualTo(500.0);
        assertThat(second.elapsedNanos()).isEqualTo(3 * SECOND);
        assertThat(second.latency().count()).isEqualTo(500);
        assertThat(second.latency().min()).isEqualTo(5_000);

        Summary summary = aggregator.summary(1_004 * SECOND, "time limit");
        assertThat(summary.totals()).isEqualTo(new Totals(1_500, 700, 250, 5, 1));
        assertThat(summary.sendRate()).isEqualTo(375.0);
        assertThat(summary.receiveRate()).isEqualTo(175.0);
        assertThat(summary.latency().count()).isEqualTo(700);
        assertThat(summary.latency().min()).isEqualTo(10);
        assertThat(summary.latency().max()).isBetween(5_000L, 5_003L);
        assertThat(summary.reason()).isEqualTo("time limit");
    }

    @Test
    void anEmptyIntervalHasZeroRatesAndNoLatency() {
        Aggregator aggregator = new Aggregator(List.of(new ProducerStats()), List.of(new Counter()),
                new LatencyRecorders(1), 0);
        Sample s = aggregator.sample(SECOND);
        assertThat(s.sendRate()).isZero();
        assertThat(s.latency()).isEqualTo(Latency.NONE);
        assertThat(aggregator.summary(SECOND, "stop").latency()).isEqualTo(Latency.NONE);
    }

    @Test
    void latenciesAreClampedToTheHistogramsRange() {
        LatencyRecorders latencies = new LatencyRecorders(1);
        Aggregator aggregator = new Aggregator(List.of(), List.of(), latencies, 0);
        LatencyRecorders.record(latencies.forConsumer(0), -7);
        LatencyRecorders.record(latencies.forConsumer(0), Long.MAX_VALUE);
        Latency l = aggregator.sample(SECOND).latency();
        assertThat(l.count()).isEqualTo(2);
        assertThat(l.min()).isZero();
        assertThat(l.max()).isGreaterThanOrEqualTo(LatencyRecorders.HIGHEST_MICROS);
    }

    @Test
    void writersOnOtherThreadsAreCountedWithoutLosingAny() throws InterruptedException {
        int threads = 4;
        int each = 200_000;
        List<Counter> counters = new ArrayList<>();
        List<ProducerStats> producers = new ArrayList<>();
        LatencyRecorders latencies = new LatencyRecorders(threads);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Counter c = new Counter();
            ProducerStats p = new ProducerStats();
            counters.add(c);
            producers.add(p);
            int index = t;
            writers.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    p.sent.increment();
                    c.increment();
                    LatencyRecorders.record(latencies.forConsumer(index), i % 1000);
                }
            }));
        }
        Aggregator aggregator = new Aggregator(producers, counters, latencies, 0);
        writers.forEach(Thread::start);
        long intervalLatencies = 0;
        long now = 0;
        while (writers.stream().anyMatch(Thread::isAlive)) {
            intervalLatencies += aggregator.sample(now += SECOND).latency().count();
        }
        for (Thread w : writers) {
            w.join();
        }
        intervalLatencies += aggregator.sample(now + SECOND).latency().count();
        Summary summary = aggregator.summary(now + SECOND, "done");
        assertThat(summary.totals().sent()).isEqualTo((long) threads * each);
        assertThat(summary.totals().received()).isEqualTo((long) threads * each);
        assertThat(intervalLatencies).isEqualTo((long) threads * each);
        assertThat(summary.latency().count()).isEqualTo((long) threads * each);
    }
}
