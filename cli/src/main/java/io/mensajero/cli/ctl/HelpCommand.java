package io.mensajero.cli.ctl;

import io.mensajero.cli.Errors;
import io.mensajero.client.MensajeroException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code help [COMMAND]}: the commands, or one command's arguments and options, as rabbitmqctl's help. */
@Command(name = "help", description = "Displays usage information for a command.")
final class HelpCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND", description = "The command to explain.")
    String command;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine ctl = spec.parent().commandLine();
        CommandLine shown = command == null ? ctl : ctl.getSubcommands().get(command);
        if (shown == null) {
            throw Errors.usage("ctl.error.help.unknownCommand", command);
        }
        shown.usage(spec.commandLine().getOut());
        return 0;
    }
}
