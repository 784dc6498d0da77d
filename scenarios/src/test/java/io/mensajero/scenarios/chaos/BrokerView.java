package io.mensajero.scenarios.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.scenarios.support.ManagementApi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What the broker itself says of the chaos queue, through its management HTTP API (RabbitMQ's and
 * Mensajero's answer alike): messages ready and unacknowledged, its consumers with the connection
 * (client port) of each, and the connections open. Asked when a run declares tasks lost, while
 * the workers still run: a consumer no worker accounts for, or unacknowledged messages while no
 * worker reports holding one, says the tasks are held somewhere rather than gone. {@code owner}
 * names the participant behind a client port (from its {@code connected}/{@code reconnected}
 * events). RabbitMQ's figures may be up to 5 s old (its statistics interval).
 */
final class BrokerView {
    private BrokerView() {
    }

    /** One line per fact; the first API base that answers is asked. Never throws. */
    static List<String> ask(List<String> managementUris, String queue, IntFunction<String> owner) {
        List<String> errors = new ArrayList<>();
        for (String base : managementUris) {
            try {
                return ask(ManagementApi.at(base), queue, owner);
            } catch (RuntimeException | AssertionError e) {
                errors.add(base + ": " + e.getMessage());
            }
        }
        return List.of("the broker's view: no management API answered (" + String.join("; ", errors) + ")");
    }

    /** A connection as the broker lists it: its name, the name the client gave it, the client's port. */
    record Connection(String name, String clientName, int clientPort) {
    }

    /** The connections the broker lists (the first API that answers), or null when none answers. */
    static List<Connection> connections(List<String> managementUris) {
        for (String base : managementUris) {
            try {
                ManagementApi.Response r = ManagementApi.at(base).get("/api/connections");
                if (r.status() != 200) {
                    continue;
                }
                List<Connection> all = new ArrayList<>();
                for (JsonNode c : r.json()) {
                    all.add(new Connection(c.path("name").asText(), c.path("user_provided_name").asText(""),
                            c.path("peer_port").asInt(-1)));
                }
                return all;
            } catch (RuntimeException | AssertionError e) {
                // the next node, or none
            }
        }
        return null;
    }

    private static List<String> ask(ManagementApi api, String queue, IntFunction<String> owner) {
        List<String> lines = new ArrayList<>();
        ManagementApi.Response q = api.get("/api/queues/%2F/" + ManagementApi.enc(queue));
        if (q.status() != 200) {
            lines.add("the broker's view (" + api.base() + "): queue " + queue + " answered " + q.status() + " " + q.body());
        } else {
            JsonNode json = q.json();
            lines.add(String.format("the broker's view (%s): queue %s holds %s ready, %s unacknowledged, %s consumers",
                    api.base(), queue, json.path("messages_ready").asText("?"),
                    json.path("messages_unacknowledged").asText("?"), json.path("consumers").asText("?")));
            for (JsonNode c : json.path("consumer_details")) {
                JsonNode channel = c.path("channel_details");
                int port = channel.path("peer_port").asInt(-1);
                lines.add(String.format("  consumer %s (prefetch %s, ack required %s) on %s, client port %d: %s",
                        c.path("consumer_tag").asText(), c.path("prefetch_count").asText("?"),
                        c.path("ack_required").asText("?"), channel.path("name").asText("?"), port, owner.apply(port)));
            }
        }
        ManagementApi.Response connections = api.get("/api/connections");
        if (connections.status() == 200) {
            for (JsonNode c : connections.json()) {
                int port = c.path("peer_port").asInt(-1);
                lines.add(String.format("  connection %s (%s, %s, %s channels), client port %d: %s",
                        c.path("name").asText(), c.path("user_provided_name").asText(""), c.path("state").asText("?"),
                        c.path("channels").asText("?"), port, owner.apply(port)));
            }
        }
        return lines;
    }
}
