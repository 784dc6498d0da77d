package io.mensajero.scenarios.ctl;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.ForeignProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command lines run by {@code sh}, as a user or a test suite types them: the repository's
 * {@code ./mensajero} launcher, and the {@code stand-in/rabbitmqctl} script found first on the
 * PATH. {@code MENSAJERO_MANAGEMENT_URL} points them at the broker's management API.
 */
final class Shell {
    /** A JVM's start on a busy machine included. */
    static final Duration WAIT = Duration.ofSeconds(90);

    private Shell() {
    }

    /** The checkout's root (the parent of the scenarios module). */
    static Path root() {
        Path scenarios = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path root = scenarios.getFileName().toString().equals("scenarios") ? scenarios.getParent() : scenarios;
        if (!Files.isExecutable(root.resolve("mensajero"))) {
            throw new IllegalStateException("no ./mensajero launcher in " + root);
        }
        return root;
    }

    record Run(int exit, List<String> out, String all) {
    }

    /** Runs {@code sh -c line} in the checkout's root, with stand-in/ first on the PATH. */
    static Run sh(BrokerUnderTest broker, String line) {
        String path = root().resolve("stand-in") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        String script = "cd '" + root() + "' && " + line;
        try (ForeignProcess process = ForeignProcess.start(line, List.of("sh", "-c", script),
                Map.of("PATH", path, "MENSAJERO_MANAGEMENT_URL", Ctl.management(broker)))) {
            int exit = process.waitFor(WAIT);
            return new Run(exit, new ArrayList<>(process.lines()), process.toString());
        }
    }

    /** {@code rabbitmqctl ARGS} through the stand-in, each argument quoted for sh. */
    static Run rabbitmqctl(BrokerUnderTest broker, String... args) {
        StringBuilder line = new StringBuilder("rabbitmqctl");
        for (String arg : args) {
            line.append(" '").append(arg.replace("'", "'\\''")).append('\'');
        }
        return sh(broker, line.toString());
    }
}
