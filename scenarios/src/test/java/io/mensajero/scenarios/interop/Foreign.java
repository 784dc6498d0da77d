package io.mensajero.scenarios.interop;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.ForeignProcess;
import io.mensajero.scenarios.support.Requirements;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the foreign clients, unchanged, against a broker under test: amqplib scripts
 * ({@code src/test/node}) and Debian's amqp-tools; the pika scripts (the course's under
 * {@code course/}, this package's own under {@code interop/}) start with
 * {@link ForeignProcess#pika}. Each is skipped with the install command when missing (a failure
 * under {@code CI=true}).
 */
final class Foreign {
    /** How long to wait for something that normally takes well under a second. */
    static final Duration WAIT = Duration.ofMinutes(3);

    static final String NODE_INSTALL = "apt-get install -y nodejs npm";
    static final String AMQP_TOOLS_INSTALL = "apt-get install -y amqp-tools";

    private Foreign() {
    }

    /** Runs {@code node <script> <args>} from src/test/node with AMQP_URL set to the broker. */
    static ForeignProcess node(BrokerUnderTest broker, String script, String... args) {
        Requirements.command("node", NODE_INSTALL);
        Path dir = nodeDirectory();
        if (!Files.isRegularFile(dir.resolve("node_modules/amqplib/package.json"))) {
            Requirements.unavailable("amqplib is not installed in " + dir + " (cd scenarios/src/test/node && npm ci)");
        }
        List<String> command = new ArrayList<>(List.of("node", dir.resolve(script).toString()));
        command.addAll(List.of(args));
        String url = "amqp://guest:guest@" + broker.host() + ":" + broker.port();
        return ForeignProcess.start(script, command, Map.of("AMQP_URL", url));
    }

    /**
     * Runs an amqp-tools command ({@code amqp-publish}, {@code amqp-consume}, ...) against the
     * broker: the connection options go first, then the arguments.
     */
    static ForeignProcess amqpTool(BrokerUnderTest broker, String tool, String... args) {
        Requirements.command(tool, AMQP_TOOLS_INSTALL);
        List<String> command = new ArrayList<>(List.of(tool, "--server", broker.host(),
                "--port", Integer.toString(broker.port()), "--username", "guest", "--password", "guest"));
        command.addAll(List.of(args));
        return ForeignProcess.start(tool, command, Map.of());
    }

    /** Runs a tool to the end, expecting exit 0; returns its stdout lines. */
    static List<String> succeed(ForeignProcess process) {
        try (process) {
            return process.succeed(WAIT);
        }
    }

    static Path nodeDirectory() {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        return Path.of(base, "src", "test", "node").toAbsolutePath();
    }
}
