package io.mensajero.scenarios.store;

import io.mensajero.cli.process.Participant;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Mensajero's broker as a separate process on a data directory and a fixed port, which a test
 * can SIGKILL and start again on the same directory.
 */
final class KilledBroker implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final List<String> extraArgs;
    private Participant process;
    private final List<String> stderr = new ArrayList<>();

    KilledBroker(Path dataDir, String... extraArgs) throws IOException {
        this.dataDir = dataDir;
        this.extraArgs = List.of(extraArgs);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** Starts it and waits for its ready line; returns how long recovery and start took (ms). */
    long start() {
        List<String> args = new ArrayList<>(List.of("broker", "--port", String.valueOf(port), "--management-port", "0", "--data",
                dataDir.toString()));
        args.addAll(extraArgs);
        process = Participant.start(args);
        return (long) process.awaitEvent("ready", Duration.ofSeconds(60)).number("startMillis");
    }

    /** SIGKILL, and waits until it is gone. */
    void kill() {
        process.kill();
        process.waitFor(Duration.ofSeconds(30));
        stderr.add(process.stderr());
    }

    /** SIGTERM: a clean stop. */
    void stop() {
        process.terminate();
        process.waitFor(Duration.ofSeconds(30));
        stderr.add(process.stderr());
    }

    /** What every run so far wrote on stderr (the store's recovery reports go there). */
    String stderr() {
        return String.join("\n", stderr) + (process != null && process.isAlive() ? process.stderr() : "");
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.kill();
            process.waitFor(Duration.ofSeconds(30));
        }
    }
}
