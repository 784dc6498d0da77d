package io.mensajero.cli.ctl;

import picocli.CommandLine;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The commands in {@code mensajero ctl --help} (and {@code help}), grouped as rabbitmqctl groups
 * them, each with the first line of its description; kebab-case aliases are not repeated.
 */
public final class CommandList implements IModelTransformer {
    static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("Help", List.of("help"));
        GROUPS.put("Nodes", List.of("start_app", "stop_app"));
        GROUPS.put("Users", List.of("add_user", "change_password", "delete_user", "list_users", "set_user_tags"));
        GROUPS.put("Access Control", List.of("clear_permissions", "list_permissions", "list_user_permissions",
                "list_vhosts", "set_permissions"));
        GROUPS.put("Monitoring, observability and health checks", List.of("list_bindings", "list_channels",
                "list_connections", "list_consumers", "list_exchanges", "list_queues", "status"));
        GROUPS.put("Policies", List.of("clear_operator_policy", "clear_policy", "list_operator_policies",
                "list_policies", "set_operator_policy", "set_policy"));
        GROUPS.put("Virtual hosts", List.of("add_vhost", "delete_vhost"));
        GROUPS.put("Configuration and Environment", List.of("set_disk_free_limit", "set_vm_memory_high_watermark"));
        GROUPS.put("Definitions", List.of("export_definitions", "import_definitions"));
        GROUPS.put("Operations", List.of("close_all_connections", "close_connection"));
        GROUPS.put("Queues", List.of("delete_queue", "purge_queue"));
    }

    @Override
    public CommandSpec transform(CommandSpec spec) {
        spec.usageMessage().commandListHeading("%n");
        spec.usageMessage().sectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> render(spec));
        for (CommandLine sub : spec.subcommands().values()) {
            briefHelp(sub.getCommandSpec());
        }
        return spec;
    }

    /**
     * A command's help shows its own arguments and options; the options every command inherits
     * (--management-url, -p, -q, ...) are listed once, in {@code mensajero ctl --help}.
     */
    private static void briefHelp(CommandSpec command) {
        if (command.usageMessage().abbreviateSynopsis()) {
            return;
        }
        command.usageMessage().abbreviateSynopsis(true);
        for (OptionSpec option : new ArrayList<>(command.options())) {
            if (option.inherited() && !option.hidden()) {
                command.remove(option);
                command.addOption(option.toBuilder().hidden(true).build());
            }
        }
        command.usageMessage().footer("", "Every command also takes the options of 'mensajero ctl --help' "
                + "(--management-url, -p VHOST, -q, --formatter json, ...).");
    }

    static String render(CommandSpec spec) {
        Map<String, String> summaries = new TreeMap<>();
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            CommandSpec command = sub.getValue().getCommandSpec();
            if (sub.getKey().equals(command.name())) {
                String[] description = command.usageMessage().description();
                summaries.put(command.name(), description.length == 0 ? "" : description[0].replace("%%", "%"));
            }
        }
        StringBuilder text = new StringBuilder("Available commands (also written with - for _):\n\n");
        Map<String, List<String>> groups = new LinkedHashMap<>(GROUPS);
        List<String> others = new ArrayList<>(summaries.keySet());
        GROUPS.values().forEach(others::removeAll);
        if (!others.isEmpty()) {
            groups.put("Other", others);
        }
        groups.forEach((group, names) -> {
            text.append(group).append(":\n\n");
            for (String name : names) {
                text.append(String.format("   %-30s %s", name, summaries.getOrDefault(name, "")).stripTrailing())
                        .append('\n');
            }
            text.append('\n');
        });
        return text.toString();
    }
}
