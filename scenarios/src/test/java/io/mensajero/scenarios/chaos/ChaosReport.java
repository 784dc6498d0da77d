package io.mensajero.scenarios.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a chaos run found: the tasks confirmed and acked, the ones lost (confirmed, never acked;
 * must be none), duplicates (acks beyond the first: deliveries whose ack died with a worker or a
 * node, and tasks the publisher had to send again), and what the chaos was; when tasks were lost,
 * {@code diagnosis} says where they may be ({@link Whereabouts}).
 */
record ChaosReport(String broker, String description, ChaosSettings settings, int confirmed, long resent,
                   int acked, int duplicates, List<Integer> lost, List<Integer> ackedUnconfirmed, int unexpected,
                   int deliveries, int redelivered, int abandoned, int reconnections, int workerKills,
                   int brokerKills, List<Long> restartMs, int workerProcesses, long publishMs, long totalMs,
                   int unaccountedConnections, List<String> problems, List<String> diagnosis) {

    /** One paragraph for the test's output. */
    String summary() {
        return String.format("[chaos %s] %s: %d tasks confirmed (%d sent again after a reconnection), %d acked, "
                        + "%d duplicate acks, LOST %d; %d deliveries (%d redelivered, %d abandoned on a lost connection), "
                        + "%d reconnections; %d worker SIGKILLs (%d worker processes), %d broker kills (restarts took %s ms); "
                        + "%d tool connections nobody accounted for; published in %.1f s, %.1f s in all; seed %d%s",
                broker, description, confirmed, resent, acked, duplicates, lost.size(), deliveries, redelivered,
                abandoned, reconnections, workerKills, workerProcesses, brokerKills, restartMs, unaccountedConnections,
                publishMs / 1000.0,
                totalMs / 1000.0, settings.seed(), problems.isEmpty() ? "" : "; PROBLEMS: " + problems)
                + (diagnosis.isEmpty() ? "" : "\n[chaos " + broker + "] where the lost tasks may be:\n  "
                + String.join("\n  ", diagnosis));
    }

    /** Writes the figures as JSON to {@code target/chaos/<broker>-<time>.json} (bench/chaos reads them). */
    Path write() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("broker", broker);
        json.put("description", description);
        json.put("finished", Instant.now().toString());
        json.put("tasks", settings.tasks());
        json.put("workers", settings.workers());
        json.put("ackDelayMs", settings.ackDelay().toMillis());
        json.put("rate", settings.rate());
        json.put("seed", settings.seed());
        json.put("confirmed", confirmed);
        json.put("resent", resent);
        json.put("acked", acked);
        json.put("duplicates", duplicates);
        json.put("lost", lost.size());
        json.put("lostTasks", lost.subList(0, Math.min(20, lost.size())));
        json.put("ackedUnconfirmed", ackedUnconfirmed.size());
        json.put("unexpected", unexpected);
        json.put("deliveries", deliveries);
        json.put("redelivered", redelivered);
        json.put("abandoned", abandoned);
        json.put("reconnections", reconnections);
        json.put("workerKills", workerKills);
        json.put("workerProcesses", workerProcesses);
        json.put("brokerKills", brokerKills);
        json.put("restartMs", restartMs);
        json.put("publishMs", publishMs);
        json.put("totalMs", totalMs);
        json.put("unaccountedConnections", unaccountedConnections);
        json.put("problems", problems);
        json.put("diagnosis", diagnosis);
        try {
            Path dir = Path.of("target", "chaos");
            Files.createDirectories(dir);
            Path file = dir.resolve(broker + "-" + System.currentTimeMillis() + ".json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the chaos report: " + e.getMessage(), e);
        }
    }
}
