package io.mensajero.cli.ctl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Values in a table as rabbitmqctl prints them: booleans and numbers as they are, a list as
 * {@code [a, b]}, a table of arguments or properties as an Erlang proplist
 * {@code [{"x-max-length",10}]}, nothing as an empty cell.
 */
final class TableValues {
    private TableValues() {
    }

    static String render(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(render(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isObject()) {
            return proplist(value);
        }
        return value.asText();
    }

    /** {@code {"k": v}} as {@code [{"k",v}]}, nested tables too. */
    static String proplist(JsonNode object) {
        List<String> pairs = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            pairs.add("{" + quoted(field.getKey()) + "," + term(field.getValue()) + "}");
        }
        return "[" + String.join(",", pairs) + "]";
    }

    /** A cluster state {@code {"rabbit@h": "running"}} as {@code [{rabbit@h, running}]}. */
    static String pairs(JsonNode object) {
        if (!object.isObject()) {
            return render(object);
        }
        List<String> pairs = new ArrayList<>();
        object.fields().forEachRemaining(f -> pairs.add("{" + f.getKey() + ", " + render(f.getValue()) + "}"));
        return "[" + String.join(", ", pairs) + "]";
    }

    /** The protocol as rabbitmqctl shows it: "AMQP 0-9-1" is {@code {0,9,1}}. */
    static String protocol(JsonNode value) {
        String text = render(value);
        if (text.matches("AMQP \\d+-\\d+(-\\d+)?")) {
            return "{" + text.substring(5).replace('-', ',') + "}";
        }
        return text;
    }

    /** A JSON value (a policy's definition) as compact JSON. */
    static String json(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "" : Output.write(value);
    }

    private static String term(JsonNode value) {
        if (value.isTextual()) {
            return quoted(value.asText());
        }
        if (value.isObject()) {
            return proplist(value);
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(term(item)));
            return "[" + String.join(",", items) + "]";
        }
        return value.isNull() ? "undefined" : value.asText();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
