package io.mensajero.cli.console;

import io.mensajero.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input to {@code mensajero console}: one line on stderr and an exit code, no stack trace. */
class ConsoleCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void malformedManagementUrlsAreUsageErrors() {
        for (String[] bad : new String[][] {
                {"localhost:15672", "must be an http:// or https:// URL"},
                {"amqp://localhost:5672", "must be an http:// or https:// URL"},
                {"http://guest:guest@localhost:15672", "must not carry a user name or password"},
                {"http://", "malformed --management-url"},
                {"http://localhost:15672/?x=1", "must not have a query"}}) {
            Run r = run("console", "--management-url", bad[0], "--port", "0");
            assertThat(r.code).as(bad[0]).isEqualTo(2);
            assertThat(r.err).as(bad[0]).startsWith("mensajero: ").contains(bad[1]).hasLineCount(1);
        }
        Run port = run("console", "--port", "70000");
        assertThat(port.code).isEqualTo(2);
        assertThat(port.err).contains("--port must be between 0 and 65535").hasLineCount(1);
    }

    @Test
    void aPortInUseIsExitCodeSeven() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run r = run("console", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(r.code).isEqualTo(7);
            assertThat(r.err).startsWith("mensajero: cannot listen on 127.0.0.1:" + taken.getLocalPort()).hasLineCount(1);
        }
    }

    @Test
    void aLanguageOtherThanEsOrEnIsAUsageError() {
        Run r = run("console", "--port", "0", "--lang", "fr");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).isEqualTo("mensajero: --lang must be es or en (was 'fr') (see 'mensajero console --help')"
                + System.lineSeparator());
    }

    @Test
    void helpNamesTheOptions() {
        Run r = run("console", "--help");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("--management-url", "--port", "--bind", "--lang", "15670");
    }
}
