package io.mensajero.scenarios.chaos;

import io.mensajero.scenarios.support.Commands;
import io.mensajero.scenarios.support.Requirements;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A network fault made with iptables: every packet of one TCP connection on this machine (its two
 * ports pinned, so nothing else is touched) is dropped in both directions, silently: no FIN, no
 * RST, the peers only stop hearing from each other, as when a cable is pulled. Closing it removes
 * exactly the rules it added. Needs root and iptables ({@code apt-get install -y iptables}).
 */
final class PacketDrop implements AutoCloseable {
    private static final Duration IPTABLES = Duration.ofSeconds(30);
    private static final String COMMENT = "mensajero-scenario-packet-drop";

    private final List<List<String>> rules = new ArrayList<>();

    private PacketDrop() {
    }

    /** Skips the scenario (fails it under CI) when iptables cannot be used here. */
    static void require() {
        Requirements.command("iptables", "apt-get install -y iptables");
        if (!Commands.root()) {
            Requirements.unavailable("dropping a connection's packets needs root (iptables)");
        }
        Commands.Result list = Commands.run(IPTABLES, "iptables", "-w", "-S", "INPUT");
        if (!list.ok()) {
            Requirements.unavailable("iptables cannot read the INPUT chain here: " + list.output().trim());
        }
    }

    /** Drops the packets of the connection between these two local ports, from now on. */
    static PacketDrop between(int clientPort, int brokerPort) {
        PacketDrop drop = new PacketDrop();
        try {
            drop.add("iptables", clientPort, brokerPort, true);
            drop.add("iptables", brokerPort, clientPort, true);
            drop.add("ip6tables", clientPort, brokerPort, false);
            drop.add("ip6tables", brokerPort, clientPort, false);
        } catch (RuntimeException | AssertionError e) {
            drop.close();
            throw e;
        }
        return drop;
    }

    private void add(String command, int from, int to, boolean required) {
        List<String> rule = List.of("INPUT", "-i", "lo", "-p", "tcp", "--sport", Integer.toString(from),
                "--dport", Integer.toString(to), "-m", "comment", "--comment", COMMENT, "-j", "DROP");
        List<String> insert = new ArrayList<>(List.of(command, "-w", "-I"));
        insert.addAll(rule);
        Commands.Result result = Commands.run(IPTABLES, insert.toArray(new String[0]));
        if (result.ok()) {
            List<String> delete = new ArrayList<>(List.of(command, "-w", "-D"));
            delete.addAll(rule);
            rules.add(delete);
        } else if (required) {
            throw new AssertionError(String.join(" ", insert) + " failed: " + result.output().trim());
        }
    }

    @Override
    public void close() {
        for (List<String> delete : rules) {
            Commands.run(IPTABLES, delete.toArray(new String[0]));
        }
        rules.clear();
    }
}
