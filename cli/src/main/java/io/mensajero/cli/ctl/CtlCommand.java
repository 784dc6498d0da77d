package io.mensajero.cli.ctl;

import io.mensajero.cli.lab.Messages;
import io.mensajero.cli.CommonOptions;
import io.mensajero.cli.Errors;
import io.mensajero.client.MensajeroException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code mensajero ctl}: rabbitmqctl's commands over the management HTTP API, the same on
 * RabbitMQ (with its management plugin) and on Mensajero's broker. rabbitmqctl's invocation is
 * accepted: {@code -n NODE}, {@code -q}, {@code -p VHOST} before or after the command, underscore
 * or kebab-case command names, the same column arguments for {@code list_*}.
 *
 * <p>The options here are inherited: each command takes them too, anywhere on its line.
 */
@Command(name = "ctl", sortOptions = false, synopsisSubcommandLabel = "COMMAND",
        modelTransformer = CommandList.class,
        description = {"Administer a broker like rabbitmqctl, over its management HTTP API "
                + "(RabbitMQ with the management plugin, or Mensajero's broker)."},
        subcommands = {HelpCommand.class, StatusCommand.class, NodeCommands.StopApp.class, NodeCommands.StartApp.class,
                NodeCommands.SetVmMemoryHighWatermark.class, NodeCommands.SetDiskFreeLimit.class,
                UserCommands.AddUser.class, UserCommands.DeleteUser.class, UserCommands.ChangePassword.class,
                ListCommands.ListUsers.class, UserCommands.SetUserTags.class,
                VhostCommands.AddVhost.class, VhostCommands.DeleteVhost.class, ListCommands.ListVhosts.class,
                PermissionCommands.SetPermissions.class, PermissionCommands.ClearPermissions.class,
                ListCommands.ListPermissions.class, ListCommands.ListUserPermissions.class,
                ListCommands.ListQueues.class, ListCommands.ListExchanges.class, ListCommands.ListBindings.class,
                ListCommands.ListConnections.class, ListCommands.ListChannels.class, ListCommands.ListConsumers.class,
                ConnectionCommands.CloseConnection.class, ConnectionCommands.CloseAllConnections.class,
                QueueCommands.PurgeQueue.class, QueueCommands.DeleteQueue.class,
                PolicyCommands.SetPolicy.class, PolicyCommands.ClearPolicy.class, ListCommands.ListPolicies.class,
                PolicyCommands.SetOperatorPolicy.class, PolicyCommands.ClearOperatorPolicy.class,
                ListCommands.ListOperatorPolicies.class,
                DefinitionCommands.ExportDefinitions.class, DefinitionCommands.ImportDefinitions.class},
        footer = {"", "Run 'mensajero ctl help COMMAND' for a command's arguments.", CtlCommand.EXIT_CODES})
public final class CtlCommand implements Callable<Integer> {
    static final String DEFAULT_URL = "http://localhost:15672";

    static final String EXIT_CODES = "%nExit codes:%n"
            + "  0  ok%n"
            + "  1  unexpected internal error%n"
            + "  2  usage error: a bad argument or column, an unreadable or malformed file%n"
            + "  3  the management API cannot be reached%n"
            + "  4  authentication failed (wrong user name or password)%n"
            + "  5  vhost not found, or access refused (e.g. the user is no administrator)%n"
            + "  6  the broker refused: no such user, queue, connection or policy; an%n"
            + "     invalid regular expression or definitions; a Mensajero-only command";

    @Option(names = "--management-url", paramLabel = "URL", scope = ScopeType.INHERIT, order = 1,
            defaultValue = "${env:MENSAJERO_MANAGEMENT_URL:-" + DEFAULT_URL + "}", showDefaultValue = Visibility.NEVER,
            description = "The management API (default " + DEFAULT_URL + ", or the MENSAJERO_MANAGEMENT_URL "
                    + "environment variable); may hold the credentials: http://user:password@host:15672.")
    String managementUrl;

    @Option(names = "--username", paramLabel = "USER", scope = ScopeType.INHERIT, order = 2,
            description = "User for the management API (default: the URL's, else guest).")
    String username;

    @Option(names = "--password", paramLabel = "PASSWORD", scope = ScopeType.INHERIT, order = 3,
            description = "Its password (default: the URL's, else guest). Never printed.")
    String password;

    @Option(names = {"-p", "--vhost"}, paramLabel = "VHOST", scope = ScopeType.INHERIT, order = 4,
            defaultValue = "/", showDefaultValue = Visibility.NEVER,
            description = "The vhost of commands that act in one (default /).")
    String vhost;

    @Option(names = "--formatter", paramLabel = "table|json", scope = ScopeType.INHERIT, order = 5,
            description = "Output format: rabbitmqctl's tab-separated table (default) or JSON.")
    String formatter;

    @Option(names = "--json", scope = ScopeType.INHERIT, order = 6, description = "The same as --formatter json.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, order = 7,
            description = "No informational messages (\"Listing queues ...\").")
    boolean quiet;

    @Option(names = {"-s", "--silent"}, scope = ScopeType.INHERIT, order = 8,
            description = "No informational messages and no table header row.")
    boolean silent;

    @Option(names = "--no-table-headers", scope = ScopeType.INHERIT, order = 9, description = "No table header row.")
    boolean noTableHeaders;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", scope = ScopeType.INHERIT, order = 10,
            defaultValue = "60", showDefaultValue = Visibility.NEVER,
            description = "How long to wait for each answer of the management API (default 60).")
    double timeoutSeconds;

    @Option(names = "--lang", paramLabel = "es|en", scope = ScopeType.INHERIT, order = 11,
            description = "Language of the informational lines and errors (default: the system's, Spanish or "
                    + "English); tables and JSON are the same in both, as rabbitmqctl prints them.")
    String lang;

    @Option(names = {"-n", "--node"}, paramLabel = "NODE", scope = ScopeType.INHERIT, order = 11,
            description = "Accepted for rabbitmqctl's sake and ignored: the management URL says which broker.")
    String node;

    @Option(names = {"-l", "--longnames"}, scope = ScopeType.INHERIT, order = 12, hidden = true,
            description = "Accepted for rabbitmqctl's sake and ignored.")
    boolean longnames;

    @Option(names = {"-h", "-?", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, order = 13,
            description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw Errors.parameter(spec.commandLine(), "cmd.error.missingCommand");
    }

    /** What a command runs with: the API client and the output, from these options. */
    Session session(CommandSpec command) {
        if (!(timeoutSeconds > 0) || Double.isInfinite(timeoutSeconds)) {
            throw Errors.parameter(spec.commandLine(), "ctl.error.timeout");
        }
        ManagementUrl url = ManagementUrl.parse(managementUrl, username, password);
        Duration timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        Messages messages = CommonOptions.languageOf(lang, command.commandLine());
        Output output = new Output(command.commandLine().getOut(), json(), quiet || silent,
                silent || noTableHeaders, messages);
        return new Session(new ManagementClient(url, timeout), output, vhost);
    }

    private boolean json() {
        if (formatter == null) {
            return json;
        }
        return switch (formatter.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "table" -> json;
            default -> throw Errors.parameter(spec.commandLine(), "ctl.error.formatter", formatter);
        };
    }
}
