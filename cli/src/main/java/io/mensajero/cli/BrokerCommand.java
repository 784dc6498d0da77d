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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mensajero broker}: runs Mensajero's RabbitMQ-compatible broker in the foreground. One
 * line when it is ready, one when it stops (Ctrl-C or SIGTERM, exit 0).
 */
@Command(name = "broker", sortOptions = false,
        description = "Run Mensajero's AMQP 0-9-1 broker (RabbitMQ-compatible, in memory) in the foreground.",
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
            boolean taken = String.valueOf(e.getMessage()).contains("already in use");
            throw new MensajeroException(Failure.CANNOT_LISTEN, e.getMessage() + (taken && config.port() == 5672
                    ? " (RabbitMQ listens there: stop it, or run this broker beside it with --port 5673)" : ""));
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Signals.onStop(signal -> stop.countDown(), finished, spec.commandLine().getErr());
        long startMillis = (System.nanoTime() - started) / 1_000_000;
        print(out, EventType.READY, messages.get("cmd.broker.ready", config.bindAddress(),
                String.valueOf(broker.port()), String.valueOf(startMillis)),
                "host", config.bindAddress(), "port", broker.port(), "startMillis", startMillis);
        try {
            stop.await();
            broker.close();
            print(out, EventType.STOPPED, messages.get("cmd.broker.stopped"));
            return 0;
        } finally {
            finished.countDown();
        }
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
        try {
            BrokerConfig.Builder b = BrokerConfig.builder().bindAddress(bind).port(port).heartbeatSeconds(heartbeat);
            if (memoryHighWatermark != null) {
                b.memoryHighWatermarkBytes(memoryHighWatermark);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw MensajeroException.usage(e.getMessage());
        }
    }
}
