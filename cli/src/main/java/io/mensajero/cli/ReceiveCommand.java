package io.mensajero.cli;

import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.MessagingPattern;
import io.mensajero.client.Receiver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** consumer.py: receive from {@code hello} with automatic acknowledgement. */
@Command(name = "receive", sortOptions = false,
        description = "Receive messages from a queue (auto-ack), like consumer.py",
        footer = Main.EXIT_CODES)
final class ReceiveCommand extends ClientCommand {
    @Option(names = "--queue", paramLabel = "QUEUE", description = "Queue to declare and consume (default: hello).")
    String queue = "hello";

    @Option(names = "--durable", description = "Declare the queue durable (to read a queue that task declared).")
    boolean durable;

    @Option(names = "--count", paramLabel = "N", converter = Converters.CountConverter.class,
            description = "Stop after N messages (default: 0, no limit).")
    int count;

    @Option(names = "--idle-timeout", paramLabel = "D", converter = Converters.DurationConverter.class,
            description = "Stop when nothing arrived for D (500ms, 1s, 2m; default: never).")
    Duration idleTimeout;

    @Mixin
    FaultOptions faults;

    @Override
    MessagingPattern pattern(ConnectionSettings settings, String name, EventPrinter printer) {
        Receiver.Builder builder = Receiver.builder().settings(settings).name(name).listener(faults.wrap(printer))
                .queue(queue).durable(durable).count(count);
        if (idleTimeout != null) {
            builder.idleTimeout(idleTimeout);
        }
        return builder.build();
    }
}
