package io.mensajero.cli.lab;

import io.mensajero.cli.Main;
import io.mensajero.cli.lab.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mensajero lab} from the command line: listing, bad input, and a short run on the embedded broker. */
class LabCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void listShowsEveryScenarioWithWhatItDoes() {
        assertThat(run("lab", "--list", "--lang", "en")).isZero();
        List<String> lines = out.toString().lines().filter(l -> l.startsWith("  ") && !l.startsWith("    ")).toList();
        assertThat(lines).extracting(l -> l.trim().split(" +")[0]).containsExactlyElementsOf(Scenarios.ids());
        assertThat(Scenarios.ids()).containsExactly("hello", "two-receivers", "staged-stop", "asynchrony",
                "distributed-operation", "workers-vs-subscribers", "ack-delay-kill", "auto-ack-loss", "fair-dispatch",
                "poison-message", "node-failover");
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("needs --uri with several addresses");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void nodeFailoverNeedsSeveralAddressesAndANodeHook() {
        assertThat(run("lab", "node-failover", "--uri", "amqp://guest:guest@localhost:1/%2F")).isEqualTo(2);
        assertThat(err.toString()).contains("the scenario node-failover needs a cluster").doesNotContain("Exception");
        err.getBuffer().setLength(0);
        assertThat(run("lab", "node-failover", "--uri", "amqp://guest:guest@localhost:1/%2F,localhost:2",
                "--node-hook", "true")).as("a hook given, the lab then tries to connect").isEqualTo(3);
        if (System.getenv("MENSAJERO_NODE_HOOK") == null) {
            err.getBuffer().setLength(0);
            assertThat(run("lab", "node-failover", "--uri", "amqp://guest:guest@localhost:1/%2F,localhost:2")).isEqualTo(2);
            assertThat(err.toString()).contains("kills a node of the cluster: give --node-hook").doesNotContain("\tat ");
        }
    }

    @Test
    void theMainHelpListsTheLab() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).containsPattern("(?m)^  lab +\\S");
        assertThat(run("lab", "--help")).isZero();
        assertThat(out.toString()).contains("--html=FILE").contains("--lang=es|en").doesNotContain("drop-nth");
    }

    @Test
    void badInputIsOneLineAndANonZeroExit(@TempDir Path dir) throws IOException {
        assertThat(run("lab", "dance")).isEqualTo(2);
        assertThat(run("lab", "--lang", "fr")).isEqualTo(2);
        assertThat(run("lab", "--uri", "localhost:5672")).isEqualTo(2);
        assertThat(run("lab", "hello", "--html", dir.resolve("no/such/folder/lab.html").toString())).isEqualTo(2);
        assertThat(run("lab", "hello", "--html", dir.toString())).isEqualTo(2);
        assertThat(run("lab", "hello", "--uri", "amqp://guest:guest@127.0.0.1:" + closedPort() + "/%2F")).isEqualTo(3);
        assertThat(run("lab", "--drop-nth", "nowhere/a=1")).isEqualTo(2);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(7).allMatch(line -> line.startsWith("mensajero"));
        assertThat(lines.get(0)).contains("unknown scenario 'dance'").contains("two-receivers");
        assertThat(lines.get(1)).contains("--lang must be es or en (was 'fr')");
        assertThat(lines.get(2)).contains("malformed URI");
        assertThat(lines.get(3)).contains("does not exist");
        assertThat(lines.get(4)).contains("it is a directory");
        assertThat(lines.get(5)).contains("cannot reach the broker at 127.0.0.1:");
        assertThat(out.toString()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing written").isEmpty();
        }
    }

    @Test
    void aShortRunOnTheEmbeddedBrokerPassesAndWritesThePage(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("lab.html");
        assertThat(run("lab", "hello", "--lang", "es", "--html", page.toString())).as("%s%s", out, err).isZero();
        String text = out.toString();
        assertThat(text).contains("Laboratorio Mensajero · broker: el broker propio de Mensajero")
                .contains("── 1 · hello").contains("recibió Hello World!")
                .contains("Veredicto: ✓ tal como lo documenta RabbitMQ.")
                .containsPattern("hello\\.lab-[0-9a-f]{6}-1");
        assertThat(Files.readString(page)).contains("<section id=\"hello\" class=\"scenario pass\"")
                .contains("data-lane=\"hello/consumer\"").contains("data-lane=\"hello/producer\"");
    }

    @Test
    void aMessageTheConsumerDropsIsReportedLostAndFailsTheLab() {
        assertThat(run("lab", "hello", "--lang", "en", "--drop-nth", "hello/consumer=1")).as("%s%s", out, err)
                .isEqualTo(LabCommand.SCENARIO_FAILED).isEqualTo(8);
        assertThat(out.toString()).contains("sent Hello World! (LOST)")
                .contains("Verdict: ✗ NOT as RabbitMQ documents. 1 sent, 0 received, 0 left in the queue.")
                .contains("✗ every message the broker confirmed was received exactly once (lost: Hello World!;")
                .contains("0 of 1 scenarios behaved as RabbitMQ documents, 1 did not");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
