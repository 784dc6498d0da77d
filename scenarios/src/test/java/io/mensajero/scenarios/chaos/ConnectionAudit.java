package io.mensajero.scenarios.chaos;

import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every few seconds of a chaos run, the broker's list of connections against the participants':
 * a tool's connection (its client calls itself {@code mensajero <name>}) whose client port is not
 * the current connection of a running participant, seen in three checks in a row, is a connection
 * nobody accounts for, such as one a tool left behind while it retried its start or reconnected.
 * It could hold deliveries no worker reports. Each is written to the journal and counted in the
 * report. Three checks (10 s and more) let a reconnection report itself, and RabbitMQ's listing
 * (up to 5 s old) catch up.
 */
final class ConnectionAudit {
    private static final long EVERY_NANOS = 5_000_000_000L;
    private static final int CHECKS = 3;

    private final ChaosBroker broker;
    private final Journal journal;
    private final Map<Participant, String> labels;
    /** Client port to how many checks in a row it was unaccounted for. */
    private Map<Integer, Integer> suspects = new HashMap<>();
    private final Set<String> found = new HashSet<>();
    private long checkedAt;

    ConnectionAudit(ChaosBroker broker, Journal journal, Map<Participant, String> labels) {
        this.broker = broker;
        this.journal = journal;
        this.labels = labels;
    }

    /** Connections nobody accounted for, so far. */
    int unaccounted() {
        return found.size();
    }

    /** Checks, at most every 5 s; only while the broker is up (a broker that is down lists nothing). */
    void maybeCheck(boolean brokerUp) {
        long now = System.nanoTime();
        if (!brokerUp || now - checkedAt < EVERY_NANOS) {
            return;
        }
        checkedAt = now;
        List<BrokerView.Connection> connections = BrokerView.connections(broker.managementUris());
        if (connections == null) {
            return;
        }
        Set<Integer> current = currentPorts();
        Map<Integer, Integer> next = new HashMap<>();
        for (BrokerView.Connection c : connections) {
            if (!c.clientName().startsWith("mensajero ") || current.contains(c.clientPort())) {
                continue;
            }
            int seen = suspects.getOrDefault(c.clientPort(), 0) + 1;
            next.put(c.clientPort(), seen);
            if (seen >= CHECKS && found.add(c.name())) {
                journal.action("unaccounted-connection", c.name() + " (" + c.clientName() + ", client port "
                        + c.clientPort() + "): no running participant reports it as its connection");
            }
        }
        suspects = next;
    }

    /** The client port of each running participant's latest connection. */
    private Set<Integer> currentPorts() {
        Set<Integer> ports = new HashSet<>();
        synchronized (labels) {
            for (Participant p : labels.keySet()) {
                if (!p.isAlive()) {
                    continue;
                }
                List<ParticipantEvent> events = p.events();
                for (int i = events.size() - 1; i >= 0; i--) {
                    ParticipantEvent e = events.get(i);
                    if ((e.is("connected") || e.is("reconnected")) && e.has("localPort")) {
                        ports.add((int) e.number("localPort"));
                        break;
                    }
                }
            }
        }
        return ports;
    }
}
