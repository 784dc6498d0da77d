package io.mensajero.cli;

import io.mensajero.client.Event;
import io.mensajero.client.EventType;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
import java.util.concurrent.Callable;

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
        throw new ParameterException(new CommandLine(this), "missing COMMAND");
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
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ParameterException e, String[] ignored) -> {
            String where = e.getCommandLine().getCommandSpec().qualifiedName();
            return fail(out, err, json, participant(e.getCommandLine().getParseResult()), Failure.USAGE,
                    describe(e) + " (see '" + where + " --help')");
        });
        cl.setExecutionExceptionHandler((Exception e, CommandLine command, ParseResult parsed) -> {
            if (e instanceof MensajeroException) {
                MensajeroException failure = (MensajeroException) e;
                return fail(out, err, json, participant(parsed), failure.failure(), oneLine(failure.getMessage()));
            }
            if (System.getenv("MENSAJERO_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return fail(out, err, json, participant(parsed), Failure.INTERNAL,
                    "internal error: " + oneLine(String.valueOf(e)) + " (set MENSAJERO_DEBUG=1 for details)");
        });
        return cl.execute(args);
    }

    private static int fail(PrintWriter out, PrintWriter err, boolean json, String participant,
                            Failure failure, String message) {
        if (json) {
            out.println(EventPrinter.toJson(Event.of(EventType.ERROR, participant, "error", message,
                    "failure", failure.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    "exitCode", failure.exitCode())));
            out.flush();
        }
        err.println("mensajero: " + message);
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

    /** picocli's message, except for an unknown command or a surplus argument, said plainly. */
    private static String describe(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            CommandLine command = e.getCommandLine();
            if (!first.startsWith("-") && !command.getSubcommands().isEmpty()) {
                return "unknown command '" + first + "' (the commands are "
                        + String.join(", ", command.getSubcommands().keySet()) + ")";
            }
            if (!first.startsWith("-")) {
                return "unexpected argument '" + first + "'" + (unmatched.getUnmatched().size() > 1
                        ? " (and " + (unmatched.getUnmatched().size() - 1) + " more)" : "")
                        + "; a body with spaces needs quotes";
            }
        }
        return oneLine(e.getMessage());
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
