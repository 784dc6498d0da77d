package io.mensajero.scenarios.interop;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.Requirements;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the foreign clients, unchanged, against a broker under test: the course's pika scripts
 * (test resources {@code course/}), this package's own pika scripts ({@code interop/}), amqplib
 * scripts ({@code src/test/node}) and Debian's amqp-tools. Each is skipped with the install
 * command when missing (a failure under {@code CI=true}).
 */
final class Foreign {
    /** How long to wait for something that normally takes well under a second. */
    static final Duration WAIT = Duration.ofSeconds(15);

    static final String NODE_INSTALL = "apt-get install -y nodejs npm";
    static final String AMQP_TOOLS_INSTALL = "apt-get install -y amqp-tools";

    private static final boolean DEFAULT_SIGNALS = ForeignProcess.run("env", "--default-signal=INT,TERM", "true");

    private Foreign() {
    }

    /**
     * Runs {@code /usr/bin/python3 -u <resource> <args>} with AMQP_PORT set to the broker's port,
     * the only thing the course scripts take from outside.
     */
    static ForeignProcess pika(BrokerUnderTest broker, String resource, String... args) {
        Requirements.pythonWithPika();
        List<String> command = new ArrayList<>();
        if (DEFAULT_SIGNALS) {
            // A background job inherits SIGINT as ignored, and Python then never raises
            // KeyboardInterrupt. Undo that, as a terminal's Ctrl-C would find it.
            command.addAll(List.of("env", "--default-signal=INT,TERM"));
        }
        command.addAll(List.of(Requirements.PYTHON, "-u", resource(resource).toString()));
        command.addAll(List.of(args));
        return ForeignProcess.start(resource, command,
                Map.of("AMQP_PORT", Integer.toString(broker.port()), "PYTHONIOENCODING", "utf-8"));
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

    private static Path resource(String name) {
        URL url = Foreign.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
