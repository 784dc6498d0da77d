package io.mensajero.cli.ctl;

import io.mensajero.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every ctl command is in the help, under rabbitmqctl's name and with dashes too. */
class CommandListTest {
    private static final List<String> ISSUE_COMMANDS = List.of("status", "help", "add_user", "delete_user",
            "change_password", "list_users", "set_user_tags", "add_vhost", "delete_vhost", "list_vhosts",
            "set_permissions", "clear_permissions", "list_permissions", "list_user_permissions", "list_queues",
            "list_exchanges", "list_bindings", "list_connections", "list_channels", "list_consumers",
            "close_connection", "close_all_connections", "purge_queue", "delete_queue", "set_policy", "clear_policy",
            "list_policies", "set_operator_policy", "clear_operator_policy", "list_operator_policies",
            "export_definitions", "import_definitions", "stop_app", "start_app",
            "set_vm_memory_high_watermark", "set_disk_free_limit");

    @Test
    void everyCommandHasItsGroupAndAKebabCaseAlias() {
        CommandLine ctl = new CommandLine(new CtlCommand());
        Set<String> names = new TreeSet<>();
        ctl.getSubcommands().forEach((key, sub) -> {
            String name = sub.getCommandSpec().name();
            names.add(name);
            assertThat(ctl.getSubcommands()).containsKey(name.replace('_', '-'));
        });
        assertThat(names).containsExactlyInAnyOrderElementsOf(ISSUE_COMMANDS);
        List<String> grouped = new ArrayList<>();
        CommandList.GROUPS.values().forEach(grouped::addAll);
        assertThat(grouped).containsExactlyInAnyOrderElementsOf(ISSUE_COMMANDS);
    }

    @Test
    void helpListsTheGroupsAndOneCommandsArguments() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "ctl", "help")).isZero();
        String help = out.toString();
        for (String command : ISSUE_COMMANDS) {
            assertThat(help).containsPattern("(?m)^   " + command + " +\\S");
        }
        assertThat(help).contains("Users:").contains("Exit codes:").doesNotContain("add-user");
        out.getBuffer().setLength(0);
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "ctl", "help", "set_permissions")).isZero();
        assertThat(out.toString()).contains("Usage: mensajero ctl set_permissions [OPTIONS] USERNAME CONF WRITE READ");
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "ctl", "help", "dance")).isEqualTo(2);
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "--help")).isZero();
        assertThat(out.toString()).containsPattern("(?m)^  ctl +\\S");
        assertThat(err.toString()).isEqualTo("mensajero: unknown command 'dance' (see 'mensajero ctl help')\n");
    }
}
