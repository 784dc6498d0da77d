package io.mensajero.cli.bench;

import io.mensajero.cli.Main;
import io.mensajero.cli.bench.model.BenchSettings;
import io.mensajero.client.ExchangeType;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PerfTest's option names, parsed into settings; bad input is one line and exit 2, before any connection. */
class BenchOptionsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static BenchSettings parse(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void perfTestsShortOptionsMeanWhatTheyMeanThere() {
        BenchSettings s = parse("-x", "4", "-y", "8", "-u", "orders", "-s", "100", "-r", "1000", "-c", "100",
                "-f", "persistent", "-f", "mandatory", "-q", "50", "-A", "10", "-z", "30", "-C", "500", "-D", "400",
                "-t", "fanout", "-e", "events", "-k", "key", "-qa", "x-max-length=10,x-queue-type=classic,x-single-active-consumer=true",
                "-ad", "false", "-i", "2");
        assertThat(s.producers()).isEqualTo(4);
        assertThat(s.consumers()).isEqualTo(8);
        assertThat(s.queues().consumerQueue(3)).isEqualTo("orders");
        assertThat(s.queues().producerRoutingKey(0)).isEqualTo("key");
        assertThat(s.messageSize()).isEqualTo(100);
        assertThat(s.rate()).isEqualTo(1000.0);
        assertThat(s.confirm()).isEqualTo(100);
        assertThat(s.confirms()).isTrue();
        assertThat(s.persistent()).isTrue();
        assertThat(s.mandatory()).isTrue();
        assertThat(s.autoAck()).isFalse();
        assertThat(s.prefetch()).isEqualTo(50);
        assertThat(s.multiAckEvery()).isEqualTo(10);
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.producerMessageCount()).isEqualTo(500);
        assertThat(s.consumerMessageCount()).isEqualTo(400);
        assertThat(s.exchangeType()).isEqualTo(ExchangeType.FANOUT);
        assertThat(s.exchange()).isEqualTo("events");
        assertThat(s.queueArguments()).containsExactlyInAnyOrderEntriesOf(Map.of("x-max-length", 10L,
                "x-queue-type", "classic", "x-single-active-consumer", true));
        assertThat(s.autoDelete()).isFalse();
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void longNamesAndPerfTestsDefaults() {
        BenchSettings s = parse("--producers", "2", "--consumers", "0", "--autoack", "--time", "500ms",
                "--queue-pattern", "perf-test-%d", "--queue-pattern-from", "1", "--queue-pattern-to", "3");
        assertThat(s.producers()).isEqualTo(2);
        assertThat(s.consumers()).isZero();
        assertThat(s.autoAck()).isTrue();
        assertThat(s.duration()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.queues().sequenceNames()).containsExactly("perf-test-1", "perf-test-2", "perf-test-3");

        BenchSettings d = parse();
        assertThat(d.producers()).isEqualTo(1);
        assertThat(d.consumers()).isEqualTo(1);
        assertThat(d.messageSize()).isEqualTo(12);
        assertThat(d.rate()).isZero();
        assertThat(d.confirms()).isFalse();
        assertThat(d.exchange()).isEqualTo("direct");
        assertThat(d.exchangeType()).isEqualTo(ExchangeType.DIRECT);
        assertThat(d.duration()).isNull();
        assertThat(d.limited()).isFalse();
        assertThat(d.autoDelete()).isTrue();
        assertThat(d.queues().consumerQueue(0)).as("a server-named queue per consumer").isEmpty();
        assertThat(d.queues().producerRoutingKey(0)).as("a random routing key").hasSize(36);
    }

    @Test
    void sizesBelowTheHeaderAreRaisedToIt() {
        assertThat(parse("-s", "0").messageSize()).isEqualTo(12);
        assertThat(parse("-s", "16").messageSize()).isEqualTo(16);
    }

    @Test
    void badInputIsOneLineAndExit2() {
        List<String[]> bad = List.of(
                new String[] {"bench", "--no-such-option"},
                new String[] {"bench", "-r", "-5"},
                new String[] {"bench", "-r", "fast"},
                new String[] {"bench", "-qa", "x-max-length"},
                new String[] {"bench", "-qa", "=10"},
                new String[] {"bench", "-qa", "x-max-length=10,,x-queue-type=classic"},
                new String[] {"bench", "-x", "-1"},
                new String[] {"bench", "-f", "speedy"},
                new String[] {"bench", "-t", "broadcast"},
                new String[] {"bench", "-z", "soon"},
                new String[] {"bench", "-qp", "q-%d"},
                new String[] {"bench", "-qp", "q-%d", "-qpf", "5", "-qpt", "2"},
                new String[] {"bench", "-qp", "q", "-qpf", "1", "-qpt", "2"},
                new String[] {"bench", "-qp", "q-%d", "-qpf", "1", "-qpt", "2", "-u", "q"},
                new String[] {"bench", "-qpf", "1"},
                new String[] {"bench", "-ad", "maybe"},
                new String[] {"bench", "--uri", "localhost:5672"});
        for (String[] args : bad) {
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
        }
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(bad.size()).allMatch(l -> l.startsWith("mensajero: ")).noneMatch(l -> l.contains("\tat "));
        assertThat(lines.get(0)).contains("--no-such-option").contains("mensajero bench --help");
        assertThat(lines.get(1)).contains("'-5' is not a rate");
        assertThat(lines.get(3)).contains("--queue-args").contains("key=value");
        assertThat(lines.get(11)).contains("greater than");
        assertThat(lines.get(12)).contains("%d");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void helpNamesThePerfTestOptions() {
        assertThat(run("bench", "--help")).isZero();
        assertThat(out.toString()).contains("-x, --producers=N").contains("-qp, --queue-pattern=PATTERN")
                .contains("-A, --multi-ack-every=N").contains("-qa, --queue-args=K=V,...").contains("--json");
        out.getBuffer().setLength(0);
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).containsPattern("(?m)^  bench +\\S");
    }
}
