package io.mensajero.cli.ctl;

import io.mensajero.cli.Errors;
import io.mensajero.cli.lab.Messages;
import io.mensajero.client.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command prints on stdout, as rabbitmqctl prints it: informational lines ("Listing queues
 * ...", not with {@code -q} or JSON; in the user's language, {@code ctl.info.*}), then a tab-separated table with a header row (not with
 * {@code -s}), or with {@code --formatter json} a JSON array of one object per row, one row a line.
 */
final class Output {
    private final PrintWriter out;
    private final boolean json;
    private final boolean quiet;
    private final boolean noHeaders;
    private final Messages messages;

    Output(PrintWriter out, boolean json, boolean quiet, boolean noHeaders, Messages messages) {
        this.out = out;
        this.messages = messages;
        this.json = json;
        this.quiet = quiet;
        this.noHeaders = noHeaders;
    }

    boolean json() {
        return json;
    }

    /** An informational line: printed unless -q or JSON. */
    void info(Text line) {
        if (!quiet && !json) {
            out.println(messages.text(line));
            out.flush();
        }
    }

    /** The rows of a listing, each row's values in the columns' order. */
    void rows(List<Column> columns, List<JsonNode> items) {
        if (json) {
            List<String> lines = new ArrayList<>();
            for (JsonNode item : items) {
                ObjectNode row = ManagementClient.JSON.createObjectNode();
                columns.forEach(column -> row.set(column.name(), column.json(item)));
                lines.add(write(row));
            }
            out.println(lines.isEmpty() ? "[\n]" : "[\n" + String.join("\n,", lines) + "\n]");
        } else {
            if (!noHeaders && !items.isEmpty()) {
                out.println(String.join("\t", columns.stream().map(Column::name).toList()));
            }
            for (JsonNode item : items) {
                out.println(String.join("\t", columns.stream().map(c -> c.table(item)).toList()));
            }
        }
        out.flush();
    }

    /**
     * A command that changes something has succeeded: in JSON {@code {"result":"ok"}} with the
     * fields given, else {@code message} as an informational line (when there is one).
     */
    void done(Text message, String... jsonFields) {
        if (json) {
            ObjectNode result = ManagementClient.JSON.createObjectNode();
            result.put("result", "ok");
            for (int i = 0; i + 1 < jsonFields.length; i += 2) {
                result.put(jsonFields[i], jsonFields[i + 1]);
            }
            out.println(write(result));
            out.flush();
        } else if (message != null) {
            info(message);
        }
    }

    /** A result rabbitmqctl prints as a line, or in JSON as {@code {"result":"ok", jsonKey: message}} (in English). */
    void result(String jsonKey, Text message) {
        if (json) {
            done(null, jsonKey, Errors.english(message));
        } else {
            info(message);
        }
    }

    /** Text printed whatever the flags (a report, exported definitions). */
    void text(String text) {
        out.print(text);
        out.flush();
    }

    /** One JSON document on its own line. */
    void document(JsonNode node) {
        out.println(write(node));
        out.flush();
    }

    static String write(JsonNode node) {
        try {
            return ManagementClient.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
