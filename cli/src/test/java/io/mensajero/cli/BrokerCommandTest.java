package io.mensajero.cli;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mensajero broker} as a user runs it: a ready line, a working broker, a clean stop on Ctrl-C. */
class BrokerCommandTest {

    @Test
    void readyLineThenAWorkingBrokerThenACleanStopOnSigint() throws Exception {
        try (Participant broker = Participant.start("broker", "--port", "0", "--management-port", "0", "--memory")) {
            ParticipantEvent ready = broker.awaitEvent("ready", Duration.ofMinutes(3));
            int port = (int) ready.number("port");
            assertThat(ready.string("host")).isEqualTo("127.0.0.1");

            ConnectionFactory factory = new ConnectionFactory();
            factory.setPort(port);
            try (Connection c = factory.newConnection()) {
                Channel ch = c.createChannel();
                String q = ch.queueDeclare().getQueue();
                ch.basicPublish("", q, null, "hola".getBytes(StandardCharsets.UTF_8));
                GetResponse got = ch.basicGet(q, true);
                assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo("hola");
            }

            broker.interrupt();
            assertThat(broker.waitFor(Duration.ofMinutes(3))).isZero();
            assertThat(broker.events("stopped")).hasSize(1);
            assertThat(broker.stderr()).isEmpty();
        }
    }

    @Test
    void aTakenPortIsOneLineAndExitSeven() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), "broker", "--port",
                    String.valueOf(taken.getLocalPort()), "--memory");
            assertThat(code).isEqualTo(7);
            assertThat(err.toString()).isEqualTo("mensajero: port " + taken.getLocalPort()
                    + " is already in use on 127.0.0.1" + System.lineSeparator());
            assertThat(out.toString()).isEmpty();
            StringWriter spanish = new StringWriter();
            assertThat(Main.run(new PrintWriter(out), new PrintWriter(spanish), "broker", "--port",
                    String.valueOf(taken.getLocalPort()), "--memory", "--lang", "es")).isEqualTo(7);
            assertThat(spanish.toString()).isEqualTo("mensajero: el puerto " + taken.getLocalPort()
                    + " ya está en uso en 127.0.0.1" + System.lineSeparator());
        }
    }

    @Test
    void aSecondBrokerOnTheSameDataDirectoryIsOneLineAndExitSeven(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (Participant first = Participant.start("broker", "--port", "0", "--management-port", "0", "--data", dir.toString())) {
            ParticipantEvent ready = first.awaitEvent("ready", Duration.ofMinutes(3));
            assertThat(ready.string("data")).isEqualTo(dir.toString());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), "broker", "--port", "0", "--data",
                    dir.toString());
            assertThat(code).isEqualTo(7);
            assertThat(err.toString()).isEqualTo("mensajero: the data directory " + dir
                    + " is in use by another broker (it holds " + dir.resolve("lock") + ")" + System.lineSeparator());
            assertThat(out.toString()).isEmpty();
            StringWriter spanish = new StringWriter();
            assertThat(Main.run(new PrintWriter(out), new PrintWriter(spanish), "broker", "--port", "0", "--data",
                    dir.toString(), "--lang", "es")).isEqualTo(7);
            assertThat(spanish.toString()).isEqualTo("mensajero: el directorio de datos " + dir
                    + " está en uso por otro broker (tiene " + dir.resolve("lock") + ")" + System.lineSeparator());
            first.interrupt();
            assertThat(first.waitFor(Duration.ofSeconds(10))).isZero();
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsOneLineAndExitSeven(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createFile(tmp.resolve("a-file"));
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "broker", "--port", "0",
                "--data", file.resolve("data").toString());
        assertThat(code).isEqualTo(7);
        assertThat(err.toString()).startsWith("mensajero: cannot create the data directory " + file.resolve("data"))
                .doesNotContain("\tat ").hasLineCount(1);
        StringWriter spanish = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(spanish), "broker", "--port", "0",
                "--data", file.resolve("data").toString(), "--lang", "es")).isEqualTo(7);
        assertThat(spanish.toString()).startsWith("mensajero: no se puede crear el directorio de datos "
                + file.resolve("data")).doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void dataAndMemoryExcludeEachOther() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "broker", "--memory",
                "--data", "/tmp/x");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mensajero: --data and --memory exclude each other" + System.lineSeparator());
        StringWriter spanish = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(spanish), "broker", "--memory",
                "--data", "/tmp/x", "--lang", "es")).isEqualTo(2);
        assertThat(spanish.toString()).isEqualTo("mensajero: --data y --memory se excluyen" + System.lineSeparator());
    }

    @Test
    void aBindAddressThatDoesNotResolveIsOneLineAndExitSeven() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "broker", "--port", "0",
                "--bind", "no-such-host.invalid");
        assertThat(code).isEqualTo(7);
        assertThat(err.toString()).isEqualTo("mensajero: cannot listen on no-such-host.invalid:0: no such host "
                + "'no-such-host.invalid'" + System.lineSeparator());
        StringWriter spanish = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(spanish), "broker", "--port", "0",
                "--bind", "no-such-host.invalid", "--lang", "es")).isEqualTo(7);
        assertThat(spanish.toString()).isEqualTo("mensajero: no se puede escuchar en no-such-host.invalid:0: no existe "
                + "el host 'no-such-host.invalid'" + System.lineSeparator());
    }

    @Test
    void versionAndAnUnknownCommandAreOneLineEach() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "--version")).isZero();
        assertThat(out.toString()).matches("mensajero \\d+\\.\\d+\\.\\d+\\S* \\(Java \\S+\\)\\R");
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "brokr")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mensajero: unknown command 'brokr' (the commands are send, receive, "
                + "task, work, publish, subscribe, staged, broker, bench, lab, ctl, console) (see 'mensajero --help')" + System.lineSeparator());
    }

    @Test
    void aBadPortIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "broker", "--port", "70000");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mensajero: --port must be between 0 and 65535 (was 70000)"
                + System.lineSeparator());
        StringWriter spanish = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(spanish), "broker", "--management-port",
                "-1", "--lang", "es")).isEqualTo(2);
        assertThat(spanish.toString()).isEqualTo("mensajero: --management-port debe estar entre 0 y 65535 (era -1)"
                + System.lineSeparator());
    }

    @Test
    void aPortThatIsNoNumberIsOneLineInTheLanguage() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "broker", "--port", "abc",
                "--lang", "es")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mensajero: valor no válido para la opción '--port': 'abc' no es un número "
                + "entero (vea 'mensajero broker --help')" + System.lineSeparator());
        StringWriter english = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(english), "broker", "--port", "abc",
                "--lang", "en")).isEqualTo(2);
        assertThat(english.toString()).isEqualTo("mensajero: invalid value for option '--port': 'abc' is not a whole "
                + "number (see 'mensajero broker --help')" + System.lineSeparator());
    }
}
