package io.mensajero.cli;

import io.mensajero.client.Event;
import io.mensajero.client.EventType;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;
import io.mensajero.client.Text;
import io.mensajero.cli.lab.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The {@code mensajero} command. Every failure prints exactly one line to stderr,
 * {@code mensajero: <what failed>}, and exits with the code listed in {@link #EXIT_CODES}.
 */
@Command(name = "mensajero",
        description = "The course's messaging exercises in Java, on any AMQP 0-9-1 broker (RabbitMQ or Mensajero's own).",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {SendCommand.class, ReceiveCommand.class, TaskCommand.class, WorkCommand.class,
                PublishCommand.class, SubscribeCommand.class, StagedCommand.class, BrokerCommand.class,
                io.mensajero.cli.bench.BenchCommand.class,
                io.mensajero.cli.lab.LabCommand.class,
                io.mensajero.cli.ctl.CtlCommand.class,
                io.mensajero.cli.console.ConsoleCommand.class},
        versionProvider = Main.Version.class,
        footer = {"", "Run 'mensajero COMMAND --help' for a command's options.", Main.EXIT_CODES})
public final class Main implements Callable<Integer> {
    /** The exit codes, as every --help footer and the README list them. */
    static final String EXIT_CODES = "%nExit codes:%n"
            + "  0  ok, also after Ctrl-C or SIGTERM (it stops cleanly and prints its summary)%n"
            + "  1  unexpected internal error%n"
            + "  2  usage error: a bad option value or a malformed URI%n"
            + "  3  the broker cannot be reached, or the connection to it was lost (however: killed, stopped, network)%n"
            + "  4  authentication failed%n"
            + "  5  vhost not found, or access refused%n"
            + "  6  the broker refused an operation (e.g. 406 PRECONDITION_FAILED)%n"
            + "  7  'mensajero broker' cannot start: the port is already in use, the address is not local, or the%n"
            + "     data directory is in use by another broker or cannot be written%n"
            + "  8  'mensajero lab': a scenario did not behave as RabbitMQ documents%n"
            + "  130, 143  a second Ctrl-C (SIGINT) or SIGTERM stopped it at once; 'mensajero lab' also exits 130 on the first Ctrl-C";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    /** "mensajero 0.1.0-SNAPSHOT (Java 17.0.16)": the build's version, from a resource Maven fills in. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"mensajero " + p.getProperty("version", "(unknown version)") + " (Java "
                    + Runtime.version() + ")"};
        }
    }

    @Override
    public Integer call() {
        throw Errors.parameter(new CommandLine(this), "cmd.error.missingCommand");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (without exiting). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean json = Arrays.asList(args).contains("--json");
        Messages messages = language(args);
        CommandLine cl = new CommandLine(new Main());
        Converters.registerNumbers(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ParameterException e, String[] ignored) -> {
            String where = e.getCommandLine().getCommandSpec().qualifiedName();
            return fail(out, err, json, messages, participant(e.getCommandLine().getParseResult()), Failure.USAGE,
                    Text.of("cmd.error.seeHelp", describe(e), where));
        });
        cl.setExecutionExceptionHandler((Exception e, CommandLine command, ParseResult parsed) -> {
            if (e instanceof MensajeroException) {
                MensajeroException failure = (MensajeroException) e;
                return fail(out, err, json, messages, participant(parsed), failure.failure(), failure.text());
            }
            if (System.getenv("MENSAJERO_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return fail(out, err, json, messages, participant(parsed), Failure.INTERNAL,
                    Text.of("cmd.error.internal", Text.literal(oneLine(String.valueOf(e)))));
        });
        return cl.execute(args);
    }

    /**
     * The language of the one-line error: {@code --lang} when given a language the commands speak,
     * else the system's ({@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG}).
     */
    static Messages language(String... args) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--lang=") ? args[i].substring("--lang=".length())
                    : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            String l = value == null ? null : value.trim().toLowerCase(Locale.ROOT);
            if (l != null && Messages.LANGUAGES.contains(l)) {
                return Messages.forLanguage(l);
            }
        }
        return Messages.forLanguage(Messages.systemLanguage(System.getenv(), Locale.getDefault()));
    }

    /** One line on stderr in the user's language; with --json also an error event, in English (language-neutral). */
    private static int fail(PrintWriter out, PrintWriter err, boolean json, Messages messages, String participant,
                            Failure failure, Text text) {
        if (json) {
            out.println(EventPrinter.toJson(Event.of(EventType.ERROR, participant, "error", oneLine(Errors.english(text)),
                    "failure", failure.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "exitCode", failure.exitCode())));
            out.flush();
        }
        err.println("mensajero: " + oneLine(messages.text(text)));
        err.flush();
        return failure.exitCode();
    }

    /** The --name given, else the subcommand's name, else "mensajero". */
    private static String participant(ParseResult parsed) {
        String name = "mensajero";
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            name = p.commandSpec().name();
            if (p.hasMatchedOption("--name")) {
                List<String> values = p.matchedOption("--name").stringValues();
                if (!values.isEmpty()) {
                    return values.get(0);
                }
            }
        }
        return name;
    }

    /**
     * What was wrong, as a text: an unknown command, option or surplus argument, a missing one, a
     * bad option value (the converter's reason); picocli's own words for anything else.
     */
    static Text describe(ParameterException e) {
        if (e instanceof Errors.Parameter parameter) {
            return parameter.text();
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            CommandLine command = e.getCommandLine();
            if (!first.startsWith("-") && !command.getSubcommands().isEmpty()) {
                return Text.of("cmd.error.unknownCommand", first, command.getSubcommands().values().stream()
                        .map(CommandLine::getCommandName).distinct().collect(Collectors.joining(", ")));
            }
            if (!first.startsWith("-")) {
                return Text.of("cmd.error.unexpectedArgument", first, unmatched.getUnmatched().size() - 1);
            }
            return Text.of("cmd.error.unknownOption", first);
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            String names = missing.getMissing().stream().map(Main::name).collect(Collectors.joining(", "));
            return Text.of(String.valueOf(e.getMessage()).startsWith("Missing required parameter for option")
                    ? "cmd.error.missingValue" : "cmd.error.missing", names);
        }
        if (e instanceof CommandLine.OverwrittenOptionException overwritten && overwritten.getOverwritten() != null) {
            return Text.of("cmd.error.repeated", name(overwritten.getOverwritten()));
        }
        Text reason = badValue(e);
        if (reason != null && e.getArgSpec() != null) {
            return e.getArgSpec() instanceof OptionSpec option
                    ? Text.of("cmd.error.badValue", option.longestName(), reason)
                    : Text.of("cmd.error.badValue.positional", e.getArgSpec().paramLabel(), reason);
        }
        return Text.literal(oneLine(e.getMessage()));
    }

    /** A converter's reason for refusing the value, from picocli's exception or (when it did not keep it) asked again. */
    private static Text badValue(ParameterException e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof Errors.BadValue bad) {
                return bad.text();
            }
        }
        if (e.getArgSpec() == null || e.getValue() == null || e.getArgSpec().converters() == null) {
            return null;
        }
        for (CommandLine.ITypeConverter<?> converter : e.getArgSpec().converters()) {
            try {
                converter.convert(e.getValue());
            } catch (Errors.BadValue bad) {
                return bad.text();
            } catch (Exception other) {
                return null;
            }
        }
        return null;
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
