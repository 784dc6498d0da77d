package io.mensajero.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line without a broker: help, and usage errors (one line, exit 2). */
class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpListsEveryCommandWithOneLineAndTheExitCodes() {
        assertThat(run("--help")).isZero();
        String help = out.toString();
        for (String command : List.of("send", "receive", "task", "work", "publish", "subscribe", "staged")) {
            assertThat(help).containsPattern("(?m)^  " + command + " +\\S.*$");
        }
        assertThat(help).contains("Exit codes:").contains("  4  authentication failed");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void eachCommandHasHelp() {
        for (String command : List.of("send", "receive", "task", "work", "publish", "subscribe", "staged")) {
            assertThat(run(command, "--help")).isZero();
        }
        assertThat(out.toString()).contains("--ack-delay=D").contains("--stage-pause=D").contains("--binding-key=KEY");
    }

    @Test
    void usageErrorsAreOneLineWithExitCode2() {
        assertThat(run("send", "--count", "-1")).isEqualTo(2);
        assertThat(run("send", "--rate", "fast")).isEqualTo(2);
        assertThat(run("publish", "--type", "broadcast")).isEqualTo(2);
        assertThat(run("work", "--ack-delay", "soon")).isEqualTo(2);
        assertThat(run("send", "--uri", "localhost:5672")).isEqualTo(2);
        assertThat(run("receive", "--no-such-option")).isEqualTo(2);
        assertThat(run("dance")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(8).allMatch(line -> line.startsWith("mensajero: "));
        assertThat(lines.get(0)).contains("--count").contains("negative").contains("mensajero send --help");
        assertThat(lines.get(4)).contains("malformed URI 'localhost:5672'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownOptionsAndSurplusArgumentsAreSaidPlainlyInTheLanguageAsked() {
        assertThat(run("receive", "--no-such-option")).isEqualTo(2);
        assertThat(run("send", "one", "two", "three")).isEqualTo(2);
        assertThat(run("send", "--count", "-1", "--lang", "es")).isEqualTo(2);
        assertThat(run("send", "one", "two", "--lang=es")).isEqualTo(2);
        assertThat(run("receive", "--lang", "fr")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "mensajero: unknown option '--no-such-option' (see 'mensajero receive --help')",
                "mensajero: unexpected argument 'two' (and 1 more); a body with spaces needs quotes (see 'mensajero send --help')",
                "mensajero: valor no válido para la opción '--count': '-1' es negativo; debe ser 0 o más (vea 'mensajero send --help')",
                "mensajero: argumento inesperado 'two'; un cuerpo con espacios va entre comillas (vea 'mensajero send --help')",
                "mensajero: --lang must be es or en (was 'fr') (see 'mensajero receive --help')");
    }

    @Test
    void aBadValueTheClientRefusesIsSaidInSpanishToo() {
        assertThat(run("send", "--uri", "localhost:5672", "--lang", "es")).isEqualTo(2);
        assertThat(run("work", "--fail-rate", "2", "--lang", "es")).isEqualTo(2);
        assertThat(run("work", "--fail-on", "(", "--lang", "es")).isEqualTo(2);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("mensajero: URI mal formada 'localhost:5672': el esquema debe ser amqp o amqps");
        assertThat(lines.get(1)).isEqualTo("mensajero: valor no válido para la opción '--fail-rate': '2' no es un número "
                + "entre 0 y 1 (vea 'mensajero work --help')");
        assertThat(lines.get(2)).startsWith("mensajero: --fail-on no es una expresión regular: ").endsWith(" de '('");
        assertThat(lines).hasSize(3);
    }

    @Test
    void aNestedCommandsUsageErrorPointsAtItsOwnHelp() {
        assertThat(run("ctl", "add_user", "alice")).isEqualTo(2);
        assertThat(run("ctl", "no_such_command")).isEqualTo(2);
        assertThat(run("dance")).isEqualTo(2);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("mensajero: ").endsWith("(see 'mensajero ctl add_user --help')");
        assertThat(lines.get(1)).endsWith("(see 'mensajero ctl --help')");
        assertThat(lines.get(2)).endsWith("(see 'mensajero --help')");
    }

    @Test
    void withJsonAUsageErrorIsAlsoAnErrorEvent() throws Exception {
        assertThat(run("send", "--json", "--name", "p1", "--count", "-5")).isEqualTo(2);
        JsonNode event = new ObjectMapper().readTree(out.toString().trim());
        assertThat(event.get("event").asText()).isEqualTo("error");
        assertThat(event.get("participant").asText()).isEqualTo("p1");
        assertThat(event.get("exitCode").asInt()).isEqualTo(2);
        assertThat(event.get("failure").asText()).isEqualTo("usage");
        assertThat("mensajero: " + event.get("error").asText()).isEqualTo(err.toString().trim());
        assertThat(event.get("time").asLong()).isPositive();
    }
}
