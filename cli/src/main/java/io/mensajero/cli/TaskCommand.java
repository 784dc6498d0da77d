package io.mensajero.cli;

import io.mensajero.client.Producer;
import picocli.CommandLine.Command;

/** producer-v2.py: persistent tasks on the durable {@code task_queue}. */
@Command(name = "task", sortOptions = false,
        description = "Send persistent tasks to task_queue, like producer-v2.py",
        footer = Main.EXIT_CODES)
final class TaskCommand extends SendCommand {
    @Override
    Producer.Builder defaults() {
        return Producer.task();
    }
}
