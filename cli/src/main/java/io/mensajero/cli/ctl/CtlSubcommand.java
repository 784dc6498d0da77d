package io.mensajero.cli.ctl;

import io.mensajero.cli.Errors;
import io.mensajero.client.Text;
import io.mensajero.client.MensajeroException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A {@code mensajero ctl} command: runs with a {@link Session} made from the inherited options.
 * An API answer it does not explain itself becomes one line, exit 6.
 */
abstract class CtlSubcommand implements Callable<Integer> {
    @ParentCommand
    CtlCommand ctl;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        Session session = ctl.session(spec);
        try {
            run(session);
        } catch (ApiException e) {
            throw e.refused();
        }
        return 0;
    }

    abstract void run(Session session);

    /** A usage error (exit 2), said by {@code key}, that points at this command's help. */
    MensajeroException usage(String key, Object... args) {
        return Errors.usage("ctl.error.seeHelp", Text.of(key, args), name());
    }

    /** The command's name as typed in rabbitmqctl (underscores). */
    String name() {
        return spec.name();
    }
}
