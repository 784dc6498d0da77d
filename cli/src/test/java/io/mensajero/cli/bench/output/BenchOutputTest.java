package io.mensajero.cli.bench.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mensajero.cli.bench.model.BenchSettings;
import io.mensajero.cli.bench.model.QueuePlan;
import io.mensajero.cli.bench.stats.Latency;
import io.mensajero.cli.bench.stats.Sample;
import io.mensajero.cli.bench.stats.Summary;
import io.mensajero.cli.bench.stats.Totals;
import io.mensajero.cli.lab.Messages;
import io.mensajero.client.ExchangeType;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run prints: PerfTest-like lines, or JSON lines with the same figures. */
class BenchOutputTest {
    private static final BenchSettings SETTINGS = new BenchSettings(2, 3, QueuePlan.sequence("q-%d", 1, 2), 100, 0,
            100, true, false, false, 50, 0, Duration.ofSeconds(10), 0, 0, "direct", ExchangeType.DIRECT, null,
            Map.of(), true, Duration.ofSeconds(1));
    private static final Sample SAMPLE = new Sample(2_000_000_000L, 500_000_000L, new Totals(6000, 5000, 4000, 2, 0),
            new Latency(5000, 90, 210, 260, 410, 900, 1500));
    private static final Summary SUMMARY = new Summary(10_000_000_000L, new Totals(60000, 59990, 60000, 0, 0),
            new Latency(59990, 80, 200, 250, 400, 1000, 30000), "time limit");

    @Test
    void humanLinesReadLikePerfTests() {
        StringWriter text = new StringWriter();
        BenchOutput out = BenchOutput.of(new PrintWriter(text), false, "bench", Messages.forLanguage("en"));
        out.started(SETTINGS, "amqp://guest:***@localhost:5672/%2F", 42);
        out.sample(SAMPLE);
        out.summary(SETTINGS, SUMMARY);
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("bench: 2 producers, 3 consumers; 100 B messages, persistent")
                .contains("queues: q-1 .. q-2 (2 queues)").contains("manual ack, prefetch 50")
                .contains("confirms (100 outstanding)").contains("for 10 s");
        assertThat(lines.get(1)).contains("in 42 ms");
        assertThat(lines.get(2)).isEqualTo("time 2.000 s, sent 12000 msg/s, received 10000 msg/s, confirmed 8000 msg/s, "
                + "nacked 4 msg/s, min/median/75th/95th/99th consumer latency 90/210/260/410/900 µs");
        assertThat(lines.get(3)).isEqualTo("summary: 10.000 s (time limit); sent 60000 messages (6000 msg/s on average), "
                + "received 59990 (5999 msg/s), confirmed 60000 (6000 msg/s)");
        assertThat(lines.get(4)).isEqualTo("summary: consumer latency min/median/75th/95th/99th/max "
                + "80/200/250/400/1000/30000 µs over 59990 messages");
    }

    @Test
    void humanLinesInSpanishCarryTheSameFigures() {
        StringWriter text = new StringWriter();
        BenchOutput out = BenchOutput.of(new PrintWriter(text), false, "bench", Messages.forLanguage("es"));
        out.started(SETTINGS, "amqp://guest:***@localhost:5672/%2F", 42);
        out.sample(new Sample(2_000_000_000L, 500_000_000L, new Totals(6000, 5000, 4000, 2, 1),
                new Latency(5000, 90, 210, 260, 410, 900, 1500)));
        out.summary(SETTINGS, SUMMARY);
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("bench: 2 productores, 3 consumidores; mensajes de 100 B, persistentes")
                .contains("colas: q-1 .. q-2 (2 colas)").contains("ack manual, prefetch 50")
                .contains("confirmaciones (100 pendientes)").contains("durante 10 s");
        assertThat(lines.get(1)).isEqualTo("bench: amqp://guest:***@localhost:5672/%2F, conectado y declarado en 42 ms");
        assertThat(lines.get(2)).isEqualTo("tiempo 2,000 s, enviados 12000 msg/s, recibidos 10000 msg/s, confirmados 8000 msg/s, "
                + "rechazados (nack) 4 msg/s, devueltos 2 msg/s, latencia de consumo mín/mediana/p75/p95/p99 90/210/260/410/900 µs");
        assertThat(lines.get(3)).isEqualTo("resumen: 10,000 s (límite de tiempo); enviados 60000 mensajes (6000 msg/s en "
                + "promedio), recibidos 59990 (5999 msg/s), confirmados 60000 (6000 msg/s)");
        assertThat(lines.get(4)).isEqualTo("resumen: latencia de consumo mín/mediana/p75/p95/p99/máx "
                + "80/200/250/400/1000/30000 µs en 59990 mensajes");
    }

    @Test
    void jsonLinesCarryTheSameFigures() throws Exception {
        StringWriter text = new StringWriter();
        BenchOutput out = BenchOutput.of(new PrintWriter(text), true, "run-1", Messages.forLanguage("es"));
        out.started(SETTINGS, "amqp://guest:***@localhost:5672/%2F", 42);
        out.sample(SAMPLE);
        out.summary(SETTINGS, SUMMARY);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = text.toString().lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(events).extracting(e -> e.get("event").asText()).containsExactly("bench-started", "bench-sample", "summary");
        assertThat(events).allMatch(e -> e.get("participant").asText().equals("run-1") && e.get("time").asLong() > 0);
        JsonNode started = events.get(0);
        assertThat(started.get("producers").asInt()).isEqualTo(2);
        assertThat(started.get("queues").asInt()).isEqualTo(2);
        assertThat(started.get("confirm").asInt()).isEqualTo(100);
        assertThat(started.get("setupMillis").asLong()).isEqualTo(42);
        JsonNode sample = events.get(1);
        assertThat(sample.get("sent").asLong()).isEqualTo(6000);
        assertThat(sample.get("sendRate").asDouble()).isEqualTo(12000.0);
        assertThat(sample.get("elapsedSeconds").asDouble()).isEqualTo(2.0);
        assertThat(sample.get("latencyMicros").get("p99").asLong()).isEqualTo(900);
        JsonNode summary = events.get(2);
        assertThat(summary.get("sent").asLong()).isEqualTo(60000);
        assertThat(summary.get("received").asLong()).isEqualTo(59990);
        assertThat(summary.get("receiveRate").asDouble()).isEqualTo(5999.0);
        assertThat(summary.get("latencyMicros").get("max").asLong()).isEqualTo(30000);
        assertThat(summary.get("reason").asText()).isEqualTo("time limit");
    }
}
