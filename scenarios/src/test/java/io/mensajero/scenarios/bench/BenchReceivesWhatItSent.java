package io.mensajero.scenarios.bench;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code mensajero bench} on each broker, short runs with message counts: what was sent was
 * received (once per queue it was routed to), the per-second samples add up to no more than the
 * summary, and latencies were measured for every counted delivery. No timing is asserted.
 */
class BenchReceivesWhatItSent {
    /** Generous: a run is short, but a JVM start and a handful of connections can crawl on a loaded machine. */
    private static final Duration RUN = Duration.ofMinutes(3);

    private static Participant bench(BrokerUnderTest broker, String... args) {
        List<String> all = new ArrayList<>(List.of("bench"));
        all.addAll(List.of(args));
        all.addAll(List.of("--uri", broker.uri()));
        return Participant.start(all);
    }

    /** Runs to the end; returns the summary after checking it against the samples. */
    private static ParticipantEvent finished(Participant bench) {
        assertThat(bench.waitFor(RUN)).as("exit code; %s", bench).isZero();
        assertThat(bench.stderr()).isEmpty();
        assertThat(bench.events("bench-started")).hasSize(1);
        ParticipantEvent summary = bench.awaitEvent("summary", RUN);
        long sampledSent = 0;
        long sampledReceived = 0;
        long sampledLatencies = 0;
        for (ParticipantEvent sample : bench.events("bench-sample")) {
            sampledSent += sample.number("sent");
            sampledReceived += sample.number("received");
            sampledLatencies += sample.json().get("latencyMicros").get("count").asLong();
        }
        // A sample reads counters and recorders a moment apart, so only the run's totals must agree.
        assertThat(sampledSent).isLessThanOrEqualTo(summary.number("sent"));
        assertThat(sampledReceived).isLessThanOrEqualTo(summary.number("received"));
        assertThat(sampledLatencies).isLessThanOrEqualTo(summary.number("received"));
        assertThat(summary.json().get("latencyMicros").get("count").asLong()).as("a latency per delivery counted")
                .isEqualTo(summary.number("received"));
        return summary;
    }

    @EachBroker
    void confirmedPersistentMessagesWithManualAcksAllArrive(BrokerUnderTest broker) {
        String queue = Names.unique("bench-q");
        String exchange = Names.unique("bench-x");
        try (Participant bench = bench(broker, "-x", "1", "-y", "1", "-u", queue, "-e", exchange, "-s", "100",
                "-C", "3000", "-D", "3000", "-c", "100", "-f", "persistent", "-q", "100")) {
            ParticipantEvent summary = finished(bench);
            assertThat(summary.number("sent")).isEqualTo(3000);
            assertThat(summary.number("confirmed")).isEqualTo(3000);
            assertThat(summary.number("nacked")).isZero();
            assertThat(summary.number("received")).isEqualTo(3000);
            assertThat(summary.string("reason")).isEqualTo("message count reached");
            await().atMost(RUN).until(() -> BrokerState.messages(broker, queue) == -1);
        } finally {
            BrokerState.deleteQueue(broker, queue);
            BrokerState.deleteExchange(broker, exchange);
        }
    }

    @EachBroker
    void aFanoutGivesEveryConsumerEveryMessage(BrokerUnderTest broker) {
        String exchange = Names.unique("bench-fanout");
        try (Participant bench = bench(broker, "-x", "2", "-y", "3", "-t", "fanout", "-e", exchange, "-a",
                "-C", "500", "-D", "1000", "-A", "7")) {
            ParticipantEvent summary = finished(bench);
            assertThat(summary.number("sent")).isEqualTo(1000);
            assertThat(summary.number("received")).as("each of 3 server-named queues gets all 1000").isEqualTo(3000);
        } finally {
            BrokerState.deleteExchange(broker, exchange);
        }
    }

    @EachBroker
    void aQueuePatternSpreadsProducersAndConsumers(BrokerUnderTest broker) {
        String prefix = Names.unique("bench-seq");
        String exchange = Names.unique("bench-x");
        try (Participant bench = bench(broker, "-x", "2", "-y", "2", "-qp", prefix + "-%d", "-qpf", "1", "-qpt", "2",
                "-e", exchange, "-C", "400", "-D", "400", "-q", "50", "-A", "10")) {
            ParticipantEvent summary = finished(bench);
            assertThat(summary.number("sent")).isEqualTo(800);
            assertThat(summary.number("received")).isEqualTo(800);
        } finally {
            BrokerState.deleteQueue(broker, prefix + "-1");
            BrokerState.deleteQueue(broker, prefix + "-2");
            BrokerState.deleteExchange(broker, exchange);
        }
    }

    @EachBroker
    void unroutableMandatoryMessagesComeBackAndAreStillConfirmed(BrokerUnderTest broker) {
        String exchange = Names.unique("bench-x");
        try (Participant bench = bench(broker, "-x", "1", "-y", "0", "-e", exchange, "-f", "mandatory", "-c", "10",
                "-C", "50")) {
            ParticipantEvent summary = finished(bench);
            assertThat(summary.number("sent")).isEqualTo(50);
            assertThat(summary.number("returned")).isEqualTo(50);
            assertThat(summary.number("confirmed")).isEqualTo(50);
            assertThat(summary.number("received")).isZero();
        } finally {
            BrokerState.deleteExchange(broker, exchange);
        }
    }

    @EachBroker
    void ctrlCStopsARunWithoutLimitsAndPrintsItsSummary(BrokerUnderTest broker) {
        String exchange = Names.unique("bench-x");
        try (Participant bench = bench(broker, "-x", "1", "-y", "1", "-e", exchange, "-a", "-r", "200")) {
            bench.awaitEvent(e -> e.is("bench-sample") && e.number("received") > 0, RUN);
            bench.interrupt();
            ParticipantEvent summary = finished(bench);
            assertThat(summary.string("reason")).isEqualTo("SIGINT");
            assertThat(summary.number("received")).isPositive().isLessThanOrEqualTo(summary.number("sent"));
        } finally {
            BrokerState.deleteExchange(broker, exchange);
        }
    }

    @EachBroker
    void anInequivalentQueueIsOneLineAndExit6(BrokerUnderTest broker) {
        String queue = Names.unique("bench-q");
        BrokerState.amqp(broker, channel -> channel.queueDeclare(queue, true, false, false, null));
        try (Participant bench = bench(broker, "-u", queue, "-e", "", "-z", "1")) {
            assertThat(bench.waitFor(RUN)).isEqualTo(6);
            assertThat(bench.stderr().lines().toList()).singleElement().asString()
                    .startsWith("mensajero: the broker closed the channel when asked to declare queue '" + queue + "'")
                    .contains("406 PRECONDITION_FAILED");
            assertThat(bench.awaitEvent("error", RUN).number("exitCode")).isEqualTo(6);
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }
}
