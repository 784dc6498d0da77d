package io.mensajero.cli;

import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.MessagingPattern;
import io.mensajero.client.Producer;
import io.mensajero.client.QueueType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** producer.py: send to the {@code hello} queue. */
@Command(name = "send", sortOptions = false,
        description = "Send messages to a queue, like producer.py",
        footer = Main.EXIT_CODES)
class SendCommand extends ClientCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MESSAGE",
            description = "The body (send: Hello World!, task: PAYROLL_RUN_ID). {n} becomes the message's number.")
    String message;

    @Option(names = "--queue", paramLabel = "QUEUE", description = "Queue to declare and send to (send: hello, task: task_queue).")
    String queue;

    @Option(names = "--count", paramLabel = "N", converter = Converters.CountConverter.class,
            description = "How many messages to send (default: 1).")
    int count = 1;

    @Option(names = "--persistent", negatable = true,
            description = "Mark messages persistent, delivery_mode 2 (send: no, task: yes).")
    Boolean persistent;

    @Option(names = "--durable", negatable = true, description = "Declare the queue durable (send: no, task: yes).")
    Boolean durable;

    @Option(names = "--dead-letter-queue", paramLabel = "QUEUE",
            description = "Declare the queue with its dead letters going to QUEUE, as 'work --max-attempts' does "
                    + "(x-dead-letter-exchange \"\", x-dead-letter-routing-key QUEUE).")
    String deadLetterQueue;

    @Option(names = "--queue-type", paramLabel = "TYPE", converter = Converters.QueueTypeConverter.class,
            description = "Declare the queue with x-queue-type TYPE: classic or quorum (replicated over a RabbitMQ "
                    + "cluster's nodes; always durable). Default: the broker's default, classic.")
    QueueType queueType;

    @Option(names = "--correlation-id", paramLabel = "TEMPLATE",
            description = "Set each message's correlation_id; {n} becomes the message's number (e.g. order-{n}).")
    String correlationId;

    @Option(names = "--rate", paramLabel = "R", converter = Converters.RateConverter.class,
            description = "Messages per second (default: as fast as the broker confirms).")
    Double rate;

    /** The builder with this command's course defaults. */
    Producer.Builder defaults() {
        return Producer.send();
    }

    @Override
    MessagingPattern pattern(ConnectionSettings settings, String name, EventPrinter printer) {
        Producer.Builder builder = defaults().settings(settings).name(name).listener(printer).count(count);
        if (message != null) {
            builder.body(message);
        }
        if (queue != null) {
            builder.queue(queue);
        }
        if (persistent != null) {
            builder.persistent(persistent);
        }
        if (durable != null) {
            builder.durable(durable);
        }
        if (queueType != null) {
            builder.queueType(queueType);
        }
        if (rate != null) {
            builder.rate(rate);
        }
        if (correlationId != null) {
            builder.correlationId(correlationId);
        }
        if (deadLetterQueue != null) {
            builder.deadLetterQueue(deadLetterQueue);
        }
        return builder.build();
    }
}
