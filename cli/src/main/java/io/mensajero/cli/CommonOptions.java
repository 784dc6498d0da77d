package io.mensajero.cli;

import io.mensajero.client.ConnectionSettings;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** Options every client command takes: where the broker is, how to print, who we are. */
final class CommonOptions {
    static final String URI_DEFAULT = ConnectionSettings.DEFAULT_URI;

    @Option(names = "--uri", paramLabel = "URI", order = 100,
            defaultValue = "${env:MENSAJERO_URI:-" + URI_DEFAULT + "}", showDefaultValue = Visibility.NEVER,
            description = "AMQP URI of the broker (default amqp://guest:guest@localhost:5672/%%2F, "
                    + "or the MENSAJERO_URI environment variable).")
    String uri;

    @Option(names = "--json", order = 101, description = "Print one JSON object per line instead of human-readable lines.")
    boolean json;

    @Option(names = "--name", paramLabel = "NAME", order = 102,
            description = "This participant's name in the output (default: the command's name).")
    String name;

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 103, description = "Show this help and exit.")
    boolean help;
}
