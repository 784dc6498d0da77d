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

    @Test
    void picocliErrorsAreOneLineInTheLanguageWithTheUsageHint() throws Exception {
        Map<List<String>, String> spanish = new java.util.LinkedHashMap<>();
        spanish.put(List.of("send", "--count", "abc"),
                "valor no válido para la opción '--count': 'abc' no es un número entero (vea 'mensajero send --help')");
        spanish.put(List.of("broker", "--heartbeat", "1.5"),
                "valor no válido para la opción '--heartbeat': '1.5' no es un número entero (vea 'mensajero broker --help')");
        spanish.put(List.of("bench", "--rate", "x"),
                "valor no válido para la opción '--rate': 'x' no es un número (mensajes por segundo) "
                        + "(vea 'mensajero bench --help')");
        spanish.put(List.of("send", "--bogus"), "opción desconocida '--bogus' (vea 'mensajero send --help')");
        spanish.put(List.of("receive", "--queue"), "falta un valor para --queue (vea 'mensajero receive --help')");
        spanish.put(List.of("send", "--count", "1", "--count", "2"),
                "--count se dio más de una vez (vea 'mensajero send --help')");
        spanish.put(List.of("ctl"), "falta el COMANDO (vea 'mensajero ctl --help')");
        for (Map.Entry<List<String>, String> c : spanish.entrySet()) {
            Run run = run(SPANISH, c.getKey().toArray(String[]::new));
            assertThat(run.exit).as("%s", c.getKey()).isEqualTo(2);
            assertThat(run.stderr).as("%s", c.getKey()).containsExactly("mensajero: " + c.getValue());
            assertThat(run.stdout).as("%s", c.getKey()).isEmpty();
        }
        Run english = run(ENGLISH, "bench", "--rate", "-1");
        assertThat(english.exit).isEqualTo(2);
        assertThat(english.stderr).containsExactly("mensajero: invalid value for option '--rate': '-1' is not a rate: "
                + "it must be 0 (no limit) or more messages per second (see 'mensajero bench --help')");
        english = run(ENGLISH, "send", "--count", "1", "--count", "2");
        assertThat(english.stderr).containsExactly("mensajero: --count was given more than once (see 'mensajero send --help')");
    }

    @Test
    void aTakenPortIsSaidInSpanishWithExitCode7() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = run(SPANISH, "broker", "--port", String.valueOf(taken.getLocalPort()), "--memory",
                    "--management-port", "0");
            assertThat(run.exit).isEqualTo(7);
            assertThat(run.stderr).containsExactly("mensajero: el puerto " + taken.getLocalPort()
                    + " ya está en uso en 127.0.0.1");
            assertThat(run.stdout).isEmpty();
        }
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
