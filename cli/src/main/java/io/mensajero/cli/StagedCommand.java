package io.mensajero.cli;

import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.MessagingPattern;
import io.mensajero.client.StagedProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;

/** ejercicio-bloque-a/producer.py: a staged operation that can be stopped between messages. */
@Command(name = "staged", sortOptions = false,
        description = "Send messages in stages, stop with Ctrl-C (ejercicio-bloque-a)",
        footer = Main.EXIT_CODES)
final class StagedCommand extends ClientCommand {
    @Option(names = "--queue", paramLabel = "QUEUE", description = "Queue to declare and send to (default: hello).")
    String queue = "hello";

    @Option(names = "--stages", paramLabel = "N", converter = Converters.CountConverter.class,
            description = "Number of stages (default: 3).")
    int stages = 3;

    @Option(names = "--per-stage", paramLabel = "N", converter = Converters.CountConverter.class,
            description = "Messages per stage (default: 3).")
    int perStage = 3;

    @Option(names = "--pause", paramLabel = "D", converter = Converters.DurationConverter.class,
            description = "Pause after each message (default: 1s).")
    Duration pause = Duration.ofSeconds(1);

    @Option(names = "--stage-pause", paramLabel = "D", converter = Converters.DurationConverter.class,
            description = "Pause after each stage (default: 2s).")
    Duration stagePause = Duration.ofSeconds(2);

    @Option(names = "--body", paramLabel = "TEMPLATE",
            description = "Body template; {stage} and {message} become the numbers (default, as the course: 'Etapa {stage} - Mensaje {message}').")
    String body = StagedProducer.COURSE_BODY;

    @Override
    MessagingPattern pattern(ConnectionSettings settings, String name, EventPrinter printer) {
        return StagedProducer.builder().settings(settings).name(name).listener(printer)
                .queue(queue).stages(stages).perStage(perStage).pause(pause).stagePause(stagePause)
                .body(body).build();
    }
}
