package io.mensajero.scenarios.interop;

import io.mensajero.scenarios.support.ForeignProcess;
import io.mensajero.scenarios.support.Requirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.mensajero.scenarios.interop.Foreign.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pika shim (pika-shim/sitecustomize.py) that lets the course's scripts run unchanged
 * against a broker on another port and with Debian's pika 1.2: pika's default port becomes
 * AMQP_PORT and nothing else moves (a port a script names, TLS's 5671), {@code pika.DeliveryMode}
 * exists and sends 2 for persistent, a bad AMQP_PORT is one line and exit 2, and the
 * sitecustomize the shim hides still runs. No broker is involved.
 */
class PikaShimChangesOnlyTheDefaultPort {
    private static final String PROBE = String.join("\n",
            "import pika",
            "print('default', pika.ConnectionParameters(host='localhost').port)",
            "print('named', pika.ConnectionParameters(host='localhost', port=1234).port)",
            "print('url', pika.URLParameters('amqp://guest:guest@localhost/%2F').port)",
            "print('url-named', pika.URLParameters('amqp://guest:guest@localhost:4321/%2F').port)",
            "print('tls', pika.ConnectionParameters(ssl_options=pika.SSLOptions(__import__('ssl').create_default_context())).port)",
            "print('persistent', int(pika.DeliveryMode.Persistent), int(pika.DeliveryMode.Transient))",
            "print('encoded', pika.BasicProperties(delivery_mode=pika.DeliveryMode.Persistent).delivery_mode == 2)");

    @Test
    void theDefaultPortAndDeliveryModeComeFromOutside(@TempDir Path dir) throws Exception {
        Requirements.pythonWithPika();
        Path hidden = dir.resolve("hidden");
        Files.createDirectories(hidden);
        Files.writeString(hidden.resolve("sitecustomize.py"), "print('hidden sitecustomize ran')\n");
        List<String> lines = python(dir, ForeignProcess.pikaShim() + ":" + hidden, "5701");
        assertThat(lines).containsExactly("hidden sitecustomize ran", "default 5701", "named 1234", "url 5701",
                "url-named 4321", "tls 5671", "persistent 2 1", "encoded True");
    }

    @Test
    void withoutAmqpPortPikaKeeps5672(@TempDir Path dir) throws Exception {
        Requirements.pythonWithPika();
        assertThat(python(dir, ForeignProcess.pikaShim().toString(), null)).contains("default 5672", "persistent 2 1");
    }

    @Test
    void aBadPortIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Requirements.pythonWithPika();
        try (ForeignProcess p = ForeignProcess.start("python3", List.of(Requirements.PYTHON, "-c", "print('ran')"),
                Map.of("PYTHONPATH", ForeignProcess.pikaShim().toString(), "AMQP_PORT", "65536"))) {
            assertThat(p.waitFor(WAIT)).isEqualTo(2);
            assertThat(p.lines()).isEmpty();
            assertThat(p.toString()).contains("stderr: [mensajero pika shim: AMQP_PORT must be a port number "
                    + "from 1 to 65535 (was '65536')]");
        }
    }

    private static List<String> python(Path dir, String pythonPath, String port) throws Exception {
        Path probe = dir.resolve("probe.py");
        Files.writeString(probe, PROBE + "\n");
        Map<String, String> env = port == null ? Map.of("PYTHONPATH", pythonPath)
                : Map.of("PYTHONPATH", pythonPath, "AMQP_PORT", port);
        try (ForeignProcess p = ForeignProcess.start("probe.py", List.of(Requirements.PYTHON, "-u", probe.toString()), env)) {
            return p.succeed(WAIT);
        }
    }
}
