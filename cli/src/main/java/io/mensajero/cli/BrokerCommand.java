package io.mensajero.cli;

import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.BrokerStartException;
import io.mensajero.cli.lab.Messages;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.mensajero.client.Event;
import io.mensajero.client.EventType;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mensajero broker}: runs Mensajero's RabbitMQ-compatible broker in the foreground. One
 * line when it is ready, one when it stops (Ctrl-C or SIGTERM, exit 0).
 */
@Command(name = "broker", sortOptions = false,
        description = "Run Mensajero's AMQP 0-9-1 broker (RabbitMQ-compatible) in the foreground, with "
                + "RabbitMQ's management HTTP API on the management port. Durable exchanges, queues, bindings, "
                + "persistent messages, users, vhosts, permissions and policies are kept in a data directory.",
        footer = Main.EXIT_CODES)
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5672",
            description = "TCP port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface). "
                    + "As in RabbitMQ, guest may only log in from localhost.")
    String bind;

    @Option(names = "--heartbeat", paramLabel = "SECONDS", defaultValue = "60",
            description = "Heartbeat timeout the broker proposes (default ${DEFAULT-VALUE}; 0 disables).")
    int heartbeat;

    @Option(names = "--memory-high-watermark", paramLabel = "BYTES",
            description = "Message bytes held in memory above which publishers are blocked "
                    + "(default: 40%% of the JVM's maximum heap).")
    Long memoryHighWatermark;

    @Option(names = "--management-port", paramLabel = "PORT", defaultValue = "15672",
            description = "Port of the management HTTP API, RabbitMQ's dialect, and /metrics "
                    + "(default ${DEFAULT-VALUE}; 0 picks a free one).")
    int managementPort;

    @Option(names = "--tls-cert", paramLabel = "PEM",
            description = "Certificate (PEM) for amqps; with --tls-key, the broker also listens on --tls-port.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The certificate's private key (PEM, PKCS#8, unencrypted).")
    Path tlsKey;

    @Option(names = "--tls-port", paramLabel = "PORT", defaultValue = "5671",
            description = "amqps port when --tls-cert is given (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int tlsPort;

    @Option(names = "--management-tls", description = "Serve the management port over HTTPS with --tls-cert and --tls-key.")
    boolean managementTls;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep durable state in DIR (default: $XDG_DATA_HOME/mensajero, else "
                    + "~/.local/share/mensajero). One broker per directory.")
    Path data;

    @Option(names = "--memory", description = "Keep nothing on disk: everything is lost when the broker stops.")
    boolean memory;

    @Option(names = "--disk-free-limit", paramLabel = "BYTES",
            description = "Free disk space under which publishers are blocked (default 50000000, as RabbitMQ).")
    Long diskFreeLimit;

    @Option(names = "--json", description = "Print the ready and stopped lines as JSON events (docs/events.md).")
    boolean json;

    @Option(names = "--lang", paramLabel = "es|en",
            description = "Language of the ready and stopped lines (default: the system's, Spanish or English).")
    String lang;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        BrokerConfig config = config();
        Messages messages = CommonOptions.languageOf(lang, spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        Broker broker;
        try {
            broker = Broker.start(config);
        } catch (BrokerStartException e) {
            throw Errors.cannotStart(e, config.port());
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Signals.onStop(signal -> stop.countDown(), finished, spec.commandLine().getErr(), messages);
        long startMillis = (System.nanoTime() - started) / 1_000_000;
        String host = config.bindAddress();
        StringBuilder where = new StringBuilder("amqp://" + host + ":" + broker.port());
        List<Object> fields = new ArrayList<>(List.of("host", host, "port", broker.port()));
        if (broker.tlsPort() >= 0) {
            where.append(", amqps://").append(host).append(':').append(broker.tlsPort());
            fields.addAll(List.of("tlsPort", broker.tlsPort()));
        }
        String management = (managementTls ? "https://" : "http://") + host + ":" + broker.managementPort();
        where.append(", management ").append(management);
        String data = config.dataDir() == null ? messages.get("cmd.broker.memoryOnly")
                : messages.get("cmd.broker.dataIn", config.dataDir().toString());
        fields.addAll(List.of("managementPort", broker.managementPort(), "managementUrl", management,
                "startMillis", startMillis, "data", config.dataDir() == null ? "" : config.dataDir().toString()));
        print(out, EventType.READY, messages.get("cmd.broker.ready", where.toString(), String.valueOf(startMillis),
                data), fields.toArray());
        try {
            stop.await();
            broker.close();
            print(out, EventType.STOPPED, messages.get("cmd.broker.stopped"));
            return 0;
        } finally {
            finished.countDown();
        }
    }

    /** The per-user default: $XDG_DATA_HOME/mensajero, else ~/.local/share/mensajero. */
    static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "mensajero");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "mensajero");
    }

    private void print(PrintWriter out, EventType type, String human, Object... fields) {
        if (json) {
            out.println(EventPrinter.toJson(Event.of(type, "broker", fields)));
        } else {
            out.println(human);
        }
        out.flush();
    }

    private BrokerConfig config() {
        port("--port", port);
        port("--management-port", managementPort);
        port("--tls-port", tlsPort);
        if (heartbeat < 0 || heartbeat > 65535) {
            throw Errors.usage("cmd.error.broker.heartbeat", String.valueOf(heartbeat));
        }
        if (memoryHighWatermark != null && memoryHighWatermark <= 0) {
            throw Errors.usage("cmd.error.broker.positive", "--memory-high-watermark", String.valueOf(memoryHighWatermark));
        }
        if (diskFreeLimit != null && diskFreeLimit < 0) {
            throw Errors.usage("cmd.error.broker.notNegative", "--disk-free-limit", String.valueOf(diskFreeLimit));
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw Errors.usage("cmd.error.broker.tlsPair");
        }
        if (managementTls && tlsCert == null) {
            throw Errors.usage("cmd.error.broker.managementTls");
        }
        if (memory && data != null) {
            throw Errors.usage("cmd.error.broker.dataOrMemory");
        }
        try {
            BrokerConfig.Builder b = BrokerConfig.builder().bindAddress(bind).port(port).heartbeatSeconds(heartbeat)
                    .managementPort(managementPort).tlsPort(tlsPort).managementTls(managementTls);
            if (tlsCert != null) {
                b.tls(tlsCert, tlsKey);
            }
            if (memoryHighWatermark != null) {
                b.memoryHighWatermarkBytes(memoryHighWatermark);
            }
            if (diskFreeLimit != null) {
                b.diskFreeLimitBytes(diskFreeLimit);
            }
            if (!memory) {
                b.dataDir((data != null ? data : defaultDataDir()).toAbsolutePath().normalize());
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw MensajeroException.usage(e.getMessage());
        }
    }

    private static void port(String option, int value) {
        if (value < 0 || value > 65535) {
            throw Errors.usage("cmd.error.broker.port", option, String.valueOf(value));
        }
    }
}
