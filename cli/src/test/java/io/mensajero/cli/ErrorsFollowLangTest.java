package io.mensajero.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-line errors follow LANG as a student's terminal sets it: each run is its own JVM with
 * only LANG saying the language (the build's LC_ALL emptied), as {@code ./mensajero} runs.
 */
class ErrorsFollowLangTest {
    private static final Map<String, String> SPANISH = Map.of("LC_ALL", "", "LC_MESSAGES", "", "LANG", "es_ES.UTF-8");
    private static final Map<String, String> ENGLISH = Map.of("LC_ALL", "", "LC_MESSAGES", "", "LANG", "en_US.UTF-8");

    @Test
    void aBadOptionValueIsOneSpanishLineWithExitCode2() throws Exception {
        Run run = run(SPANISH, "work", "--prefetch", "-1");
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.stderr).containsExactly("mensajero: valor no válido para la opción '--prefetch': '-1' es negativo; "
                + "debe ser 0 o más (vea 'mensajero work --help')");
        assertThat(run.stdout).isEmpty();
    }

    @Test
    void aBadOptionValueIsOneEnglishLineWithExitCode2() throws Exception {
        Run run = run(ENGLISH, "work", "--prefetch", "-1");
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.stderr).containsExactly("mensajero: invalid value for option '--prefetch': '-1' is negative; "
                + "it must be 0 or more (see 'mensajero work --help')");
    }

    @Test
    void aBrokerThatCannotBeReachedIsSaidInSpanishWithExitCode3() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String uri = "amqp://guest:guest@127.0.0.1:" + closedPort + "/%2F";
        Run spanish = run(SPANISH, "send", "--uri", uri);
        assertThat(spanish.exit).isEqualTo(3);
        assertThat(spanish.stderr).containsExactly(
                "mensajero: no se puede conectar con el broker en 127.0.0.1:" + closedPort + " (conexión rechazada)");
        Run english = run(ENGLISH, "send", "--uri", uri);
        assertThat(english.exit).isEqualTo(3);
        assertThat(english.stderr).containsExactly(
                "mensajero: cannot reach the broker at 127.0.0.1:" + closedPort + " (connection refused)");
    }

    @Test
    void withJsonTheErrorEventStaysEnglishWhileStderrIsSpanish() throws Exception {
        Run run = run(SPANISH, "publish", "--type", "broadcast", "--json");
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.stderr).hasSize(1);
        assertThat(run.stderr.get(0)).startsWith("mensajero: valor no válido para la opción '--type': "
                + "tipo de exchange desconocido 'broadcast' (se esperaba uno de ");
        assertThat(run.stdout).hasSize(1);
        assertThat(run.stdout.get(0)).contains("\"error\":\"invalid value for option '--type': unknown exchange type "
                + "'broadcast' (expected one of ").contains("\"exitCode\":2");
    }

    private record Run(int exit, List<String> stdout, List<String> stderr) {
    }

    private static Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = java.nio.file.Files.createTempFile("mensajero-out", ".txt");
        Path err = java.nio.file.Files.createTempFile("mensajero-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("mensajero " + String.join(" ", args) + " still running after 2 minutes");
            }
            return new Run(process.exitValue(), java.nio.file.Files.readAllLines(out, StandardCharsets.UTF_8),
                    java.nio.file.Files.readAllLines(err, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
    }
}
