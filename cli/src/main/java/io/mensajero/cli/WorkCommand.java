package io.mensajero.cli;

import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.MessagingPattern;
import io.mensajero.client.QueueType;
import io.mensajero.client.Worker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** consumer-v2.py plus the group work's delay before the ack. */
@Command(name = "work", sortOptions = false,
        description = "Work on tasks with acks and prefetch 1, like consumer-v2.py",
        footer = Main.EXIT_CODES)
final class WorkCommand extends ClientCommand {
    @Option(names = "--queue", paramLabel = "QUEUE", description = "Queue to declare and consume (default: task_queue).")
    String queue = "task_queue";

    @Option(names = "--durable", negatable = true,
            description = "Declare the queue durable (default: yes, as task_queue is).")
    Boolean durable;

    @Option(names = "--queue-type", paramLabel = "TYPE", converter = Converters.QueueTypeConverter.class,
            description = "Declare the queue with x-queue-type TYPE: classic or quorum (replicated over a RabbitMQ "
                    + "cluster's nodes; always durable). Default: the broker's default, classic.")
    QueueType queueType;

    @Option(names = "--prefetch", paramLabel = "N", converter = Converters.CountConverter.class,
            description = "basic.qos prefetch count: 1 (default) for fair dispatch, 0 for no limit (round-robin).")
    int prefetch = 1;

    @Option(names = "--ack-delay", paramLabel = "D", converter = Converters.DurationConverter.class,
            description = "Wait D after the work before acking (e.g. 5s; default: 0).")
    Duration ackDelay = Duration.ZERO;

    @Option(names = "--dot-duration", paramLabel = "D", converter = Converters.DurationConverter.class,
            description = "Work time per '.' in a body, as in RabbitMQ's tutorial (default: 1s).")
    Duration dotDuration = Duration.ofSeconds(1);

    @Option(names = "--auto-ack",
            description = "Automatic acknowledgement: the broker forgets each message when it sends it, "
                    + "so a killed worker's messages are lost.")
    boolean autoAck;

    @Option(names = "--forward-to", paramLabel = "QUEUE",
            description = "Be a pipeline stage: after the work, publish the message (same correlation_id) "
                    + "to QUEUE, then ack.")
    String forwardTo;

    @Option(names = "--max-attempts", paramLabel = "N", converter = Converters.CountConverter.class,
            description = "After N failed attempts the broker moves a message to the dead-letter queue "
                    + "(QUEUE.dead; failed attempts go round QUEUE.retry). Default: 0, a failed message goes back "
                    + "to the queue.")
    int maxAttempts;

    @Option(names = "--dead-letter-queue", paramLabel = "QUEUE",
            description = "The dead-letter queue for --max-attempts (default: QUEUE.dead).")
    String deadLetterQueue;

    @Option(names = "--retry-queue", paramLabel = "QUEUE",
            description = "Where a failed attempt waits before the next (default: QUEUE.retry).")
    String retryQueue;

    @Option(names = "--retry-delay", paramLabel = "D", converter = Converters.DurationConverter.class,
            description = "How long a failed message waits in the retry queue (default: 0s).")
    Duration retryDelay;

    @Option(names = "--fail-rate", paramLabel = "P", converter = Converters.ProbabilityConverter.class,
            description = "Fail the work on each message with probability P, from 0 to 1 (default: 0).")
    double failRate;

    @Option(names = "--fail-on", paramLabel = "PATTERN",
            description = "Fail the work on messages whose body matches the regular expression PATTERN.")
    String failOn;

    @Option(names = "--crash-on", paramLabel = "PATTERN",
            description = "Exit abruptly (code 70, nothing acked) on a message whose body matches PATTERN.")
    String crashOn;

    @Option(names = "--count", paramLabel = "N", converter = Converters.CountConverter.class,
            description = "Stop after finishing N tasks (default: 0, no limit).")
    int count;

    @Option(names = "--idle-timeout", paramLabel = "D", converter = Converters.DurationConverter.class,
            description = "Stop when nothing arrived for D (default: never).")
    Duration idleTimeout;

    @Mixin
    FaultOptions faults;

    @Override
    MessagingPattern pattern(ConnectionSettings settings, String name, EventPrinter printer) {
        Worker.Builder builder = Worker.builder().settings(settings).name(name).listener(faults.wrap(printer))
                .queue(queue).prefetch(prefetch).ackDelay(ackDelay)
                .dotDuration(dotDuration).autoAck(autoAck).count(count);
        if (durable != null) {
            builder.durable(durable);
        }
        if (queueType != null) {
            builder.queueType(queueType);
        }
        if (idleTimeout != null) {
            builder.idleTimeout(idleTimeout);
        }
        poisonOptions(builder);
        if (forwardTo != null) {
            if (faults.dropNth > 0) {
                throw Errors.usage("cmd.error.dropNthForward");
            }
            builder.forwardTo(forwardTo);
        }
        return builder.build();
    }

    private void poisonOptions(Worker.Builder builder) {
        builder.maxAttempts(maxAttempts).failRate(failRate);
        if (maxAttempts == 0 && (deadLetterQueue != null || retryQueue != null || retryDelay != null)) {
            throw Errors.usage("cmd.error.retryOptions");
        }
        if (deadLetterQueue != null) {
            builder.deadLetterQueue(deadLetterQueue);
        }
        if (retryQueue != null) {
            builder.retryQueue(retryQueue);
        }
        if (retryDelay != null) {
            builder.retryDelay(retryDelay);
        }
        if (failOn != null) {
            builder.failOn(failOn);
        }
        if (crashOn != null) {
            builder.crashOn(crashOn);
        }
    }
}
