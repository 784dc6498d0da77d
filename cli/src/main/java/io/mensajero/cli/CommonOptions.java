package io.mensajero.cli;

import io.mensajero.cli.lab.Messages;
import io.mensajero.client.ConnectionSettings;
import picocli.CommandLine;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Options every client command takes: where the broker is, how to print and in which language, who we are. */
public final class CommonOptions {
    static final String URI_DEFAULT = ConnectionSettings.DEFAULT_URI;

    @Option(names = "--uri", paramLabel = "URI", order = 100,
            defaultValue = "${env:MENSAJERO_URI:-" + URI_DEFAULT + "}", showDefaultValue = Visibility.NEVER,
            description = {"AMQP URI of the broker (default amqp://guest:guest@localhost:5672/%%2F, "
                    + "or the MENSAJERO_URI environment variable).",
                    "Several brokers (a cluster's nodes): repeat --uri, or give a comma-separated list "
                            + "(amqp://guest:guest@node1:5672/%%2F,node2:5672,node3:5672); the connection goes to "
                            + "one that answers and, when lost, is recovered on any of them."})
    List<String> uris;

    @Option(names = "--recover", negatable = true, order = 101,
            description = "Recover a lost connection: reconnect, declare again, resend what was not confirmed "
                    + "(default: yes with several addresses, no with one).")
    Boolean recover;

    @Option(names = "--heartbeat", paramLabel = "D", order = 102, converter = Converters.DurationConverter.class,
            description = "Heartbeat timeout to ask the broker for, in whole seconds (default: 60s; 0 turns them off).")
    Duration heartbeat;

    @Option(names = "--json", order = 103, description = "Print one JSON object per line instead of human-readable lines.")
    boolean json;

    @Option(names = "--name", paramLabel = "NAME", order = 104,
            description = "This participant's name in the output (default: the command's name).")
    String name;

    @Option(names = "--lang", paramLabel = "es|en", order = 105,
            description = "Language of the human output (default: Spanish when LC_ALL, LC_MESSAGES or LANG "
                    + "says Spanish, else English). Message bodies and --json are the same in both.")
    String lang;

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 106, description = "Show this help and exit.")
    boolean help;

    /** Where and how to connect, as the options say. */
    ConnectionSettings settings() {
        ConnectionSettings settings = ConnectionSettings.fromUris(uris).withRecovery(recover);
        return heartbeat == null ? settings : settings.withHeartbeat(heartbeat);
    }

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
            throw Errors.parameter(commandLine, "cmd.error.lang", lang);
        }
        return Messages.forLanguage(l);
    }
}
