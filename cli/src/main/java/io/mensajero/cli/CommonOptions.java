package io.mensajero.cli;

import io.mensajero.cli.lab.Messages;
import io.mensajero.client.ConnectionSettings;
import picocli.CommandLine;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.Locale;

/** Options every client command takes: where the broker is, how to print and in which language, who we are. */
public final class CommonOptions {
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

    @Option(names = "--lang", paramLabel = "es|en", order = 103,
            description = "Language of the human output (default: Spanish when LC_ALL, LC_MESSAGES or LANG "
                    + "says Spanish, else English). Message bodies and --json are the same in both.")
    String lang;

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 104, description = "Show this help and exit.")
    boolean help;

    /** The texts in the language asked for with --lang, else the system's. */
    Messages messages(CommandLine commandLine) {
        return languageOf(lang, commandLine);
    }

    /** es or en from {@code --lang}, or the system's language when it is null; a bad value is a usage error. */
    public static Messages languageOf(String lang, CommandLine commandLine) {
        if (lang == null) {
            return Messages.forLanguage(Messages.systemLanguage(System.getenv(), Locale.getDefault()));
        }
        String l = lang.trim().toLowerCase(Locale.ROOT);
        if (!Messages.LANGUAGES.contains(l)) {
            throw new ParameterException(commandLine, "--lang must be es or en (was '" + lang + "')");
        }
        return Messages.forLanguage(l);
    }
}
