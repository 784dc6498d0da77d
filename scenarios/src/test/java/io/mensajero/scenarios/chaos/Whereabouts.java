package io.mensajero.scenarios.chaos;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.mensajero.cli.process.Participant;
import io.mensajero.client.ConnectionSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the lost tasks of a chaos run may be, told in lines for the report: the broker's view of
 * the queue while the workers still run ({@link BrokerView}, each consumer and connection matched
 * to the participant whose client port it is), whether the lost tasks came back into the queue
 * once the workers had stopped (then a connection that stayed open held them unacknowledged), and
 * each lost task's history from the {@link Journal}.
 */
final class Whereabouts {
    private final ChaosBroker broker;
    private final String queue;
    private final Journal journal;
    /** Every process the run started, with its label (w2.5, publisher). */
    private final Map<Participant, String> labels;

    Whereabouts(ChaosBroker broker, String queue, Journal journal, Map<Participant, String> labels) {
        this.broker = broker;
        this.queue = queue;
        this.journal = journal;
        this.labels = labels;
    }

    /** The broker's own view, asked while the workers still run. */
    List<String> brokerView() {
        return BrokerView.ask(broker.managementUris(), queue, this::owner);
    }

    /**
     * Once the workers stopped (their connections closed, so the broker requeued whatever they
     * held): the queue is emptied and its bodies compared with the lost tasks; then the history of
     * the first 20 lost tasks.
     */
    List<String> afterTheWorkersStopped(List<Integer> lost, int tasks) {
        List<String> lines = new ArrayList<>();
        List<String> left = takeAll(tasks * 2 + 1000, lines);
        if (left != null) {
            Set<String> back = new TreeSet<>(left);
            back.retainAll(lost.stream().map(Tally::body).toList());
            lines.add("after the workers stopped, the queue gave back " + left.size() + " message(s); lost tasks among "
                    + "them: " + back.size() + (back.isEmpty() ? " (the broker no longer had them)"
                    : " " + back + " (a connection that stayed open held them unacknowledged)"));
        }
        Set<String> first = new LinkedHashSet<>();
        lost.stream().limit(20).map(Tally::body).forEach(first::add);
        lines.add("history of " + first + " (journal " + journal.file().toAbsolutePath() + "):");
        journal.history(first, 400).forEach(l -> lines.add("  " + l));
        return lines;
    }

    /** Every message left in the queue, taken with auto-ack (the run is over); null when it cannot be read. */
    private List<String> takeAll(int limit, List<String> lines) {
        List<String> bodies = new ArrayList<>();
        try (Connection connection = ConnectionSettings.fromUri(broker.uri()).withRecovery(false)
                .connect("chaos-whereabouts")) {
            Channel channel = connection.createChannel();
            GetResponse got;
            while (bodies.size() < limit && (got = channel.basicGet(queue, true)) != null) {
                bodies.add(new String(got.getBody(), StandardCharsets.UTF_8));
            }
            return bodies;
        } catch (IOException | RuntimeException e) {
            lines.add("after the workers stopped, the queue could not be read: " + e.getMessage());
            return null;
        }
    }

    /** Whose connection has this client port: the participant that reported it, and whether it still runs. */
    private String owner(int port) {
        synchronized (labels) {
            for (Map.Entry<Participant, String> entry : labels.entrySet()) {
                Participant p = entry.getKey();
                boolean match = p.events().stream().anyMatch(e -> (e.is("connected") || e.is("reconnected"))
                        && e.has("localPort") && e.number("localPort") == port);
                if (match) {
                    return entry.getValue() + " (pid " + p.pid() + (p.isAlive() ? ", running" : ", ended") + ")";
                }
            }
        }
        return "no participant reported this port (the test's own connection, or one nobody accounts for)";
    }
}
