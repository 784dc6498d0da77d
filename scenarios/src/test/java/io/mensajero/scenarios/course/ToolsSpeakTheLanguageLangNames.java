package io.mensajero.scenarios.course;

import io.mensajero.cli.process.Participant;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ForeignProcess;
import io.mensajero.scenarios.support.Names;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.mensajero.scenarios.course.Course.WAIT;
import static io.mensajero.scenarios.course.Course.exitCode;
import static io.mensajero.scenarios.course.Course.tool;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course speaks Spanish: with {@code LANG=es_ES.UTF-8} a worker that fails on a message says
 * so in Spanish, and a broker refusing a request is reported in Spanish with the broker's own reply
 * text as it is; with {@code LANG=en_US.UTF-8} the same in English. The tools run as a student
 * runs them, in a terminal (human lines, no --json), with only LANG set.
 */
class ToolsSpeakTheLanguageLangNames {
    /** LANG alone decides (the build sets LC_ALL, which would win over it). */
    private static final Map<String, String> SPANISH = Map.of("LC_ALL", "", "LC_MESSAGES", "", "LANG", "es_ES.UTF-8");
    private static final Map<String, String> ENGLISH = Map.of("LC_ALL", "", "LC_MESSAGES", "", "LANG", "en_US.UTF-8");

    @EachBroker
    void aFailingWorkerSaysWhatFailedInSpanish(BrokerUnderTest broker) {
        String queue = Names.unique("tareas");
        List<String> lines = failingWorker(broker, queue, "veneno 1", SPANISH);
        assertThat(lines).contains("falló #1 'veneno 1': su cuerpo coincide con --fail-on",
                "devuelto #1 'veneno 1' a la cola " + queue + " (nack, requeue)");
        assertThat(lines).anyMatch(line -> line.startsWith("resumen: recibidos 1,") && line.contains(", fallidos 1"));
        assertThat(lines).noneMatch(line -> line.startsWith("failed ") || line.startsWith("gave "));
    }

    @EachBroker
    void aFailingWorkerSaysWhatFailedInEnglish(BrokerUnderTest broker) {
        String queue = Names.unique("tasks");
        List<String> lines = failingWorker(broker, queue, "poison 1", ENGLISH);
        assertThat(lines).contains("failed #1 'poison 1': its body matches --fail-on",
                "gave #1 'poison 1' back to queue " + queue + " (nack, requeue)");
        assertThat(lines).anyMatch(line -> line.startsWith("summary: received 1,") && line.contains(", failed 1"));
    }

    @EachBroker
    void aRefusedRequestIsSaidInSpanishWithTheBrokersReplyAsItIs(BrokerUnderTest broker) {
        String queue = Names.unique("cola-durable");
        try (Participant task = tool(broker, "task", "--queue", queue)) {
            assertThat(exitCode(task)).as("%s", task).isZero();
            // send declares the queue non-durable: the broker answers 406 PRECONDITION_FAILED.
            String spanish = failure(6, SPANISH, "send", "--queue", queue, "--uri", broker.uri());
            assertThat(spanish).startsWith("mensajero: el broker cerró el canal cuando se le pidió declarar la cola '"
                    + queue + "' (406 PRECONDITION_FAILED - ");
            String english = failure(6, ENGLISH, "send", "--queue", queue, "--uri", broker.uri());
            assertThat(english).startsWith("mensajero: the broker closed the channel when asked to declare queue '"
                    + queue + "' (406 PRECONDITION_FAILED - ");
            assertThat(spanish.substring(spanish.indexOf("(406"))).as("the broker's reply text, untranslated")
                    .isEqualTo(english.substring(english.indexOf("(406")));
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }

    @EachBroker
    void benchSaysItsLinesAndSummaryInTheLanguage(BrokerUnderTest broker) {
        String queue = Names.unique("bench-es");
        try {
            List<String> spanish = bench(broker, queue, SPANISH);
            assertThat(spanish.get(0)).startsWith("bench: 1 productor, 1 consumidor; mensajes de 12 B; exchange 'direct' "
                    + "(direct); colas: " + queue + "; ack manual; sin confirmaciones; sin límite de tasa; "
                    + "200 mensajes por productor, 200 mensajes por consumidor");
            assertThat(spanish.get(1)).startsWith("bench: amqp://").contains(", conectado y declarado en ");
            assertThat(spanish.get(spanish.size() - 2)).matches("resumen: \\d+,\\d{3} s \\(se alcanzó la cantidad de "
                    + "mensajes\\); enviados 200 mensajes \\(.+ msg/s en promedio\\), recibidos 200 \\(.+ msg/s\\)");
            assertThat(spanish.get(spanish.size() - 1)).startsWith("resumen: latencia de consumo mín/mediana/p75/p95/p99/máx ")
                    .endsWith(" µs en 200 mensajes");
            List<String> english = bench(broker, queue, ENGLISH);
            assertThat(english.get(english.size() - 2)).matches("summary: \\d+\\.\\d{3} s \\(message count reached\\); "
                    + "sent 200 messages \\(.+ msg/s on average\\), received 200 \\(.+ msg/s\\)");
            assertThat(english.get(english.size() - 1)).startsWith("summary: consumer latency min/median/75th/95th/99th/max ")
                    .endsWith(" µs over 200 messages");
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }

    /** {@code bench} with 200 messages through {@code queue}, in the terminal; its lines. */
    private static List<String> bench(BrokerUnderTest broker, String queue, Map<String, String> lang) {
        try (ForeignProcess bench = mensajero(lang, "bench", "-x", "1", "-y", "1", "-u", queue, "-ad", "false",
                "-C", "200", "-D", "200", "--uri", broker.uri())) {
            List<String> lines = bench.succeed(WAIT);
            assertThat(bench.stderr()).as("%s", bench).isEmpty();
            return lines;
        }
    }

    /** A task with {@code body} in {@code queue}, then {@code work --fail-on} on it in the terminal; its lines. */
    private static List<String> failingWorker(BrokerUnderTest broker, String queue, String body, Map<String, String> lang) {
        try (Participant task = tool(broker, "task", "--queue", queue, body)) {
            assertThat(exitCode(task)).as("%s", task).isZero();
        }
        try (ForeignProcess work = mensajero(lang, "work", "--queue", queue, "--fail-on", body.split(" ")[0],
                "--count", "1", "--uri", broker.uri())) {
            List<String> lines = work.succeed(WAIT);
            assertThat(work.stderr()).as("%s", work).isEmpty();
            return lines;
        } finally {
            BrokerState.deleteQueue(broker, queue);
        }
    }

    /** Runs a tool that must fail with {@code exitCode}; returns its one stderr line (no stack trace). */
    private static String failure(int exitCode, Map<String, String> lang, String... args) {
        try (ForeignProcess tool = mensajero(lang, args)) {
            assertThat(tool.waitFor(WAIT)).as("%s", tool).isEqualTo(exitCode);
            List<String> stderr = tool.stderr().lines().toList();
            assertThat(stderr).as("%s", tool).hasSize(1);
            assertThat(stderr.get(0)).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(tool.lines()).as("the error is on stderr only: %s", tool).noneMatch(line -> line.contains("406"));
            return stderr.get(0);
        }
    }

    /** {@code mensajero <args>} in its own JVM with human output, in the environment's language. */
    private static ForeignProcess mensajero(Map<String, String> lang, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "io.mensajero.cli.Main"));
        command.addAll(List.of(args));
        return ForeignProcess.start(args[0], command, lang);
    }
}
