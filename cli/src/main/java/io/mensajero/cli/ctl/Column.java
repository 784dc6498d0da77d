package io.mensajero.cli.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.function.Function;

/**
 * One column of a {@code list_*} command: rabbitmqctl's name for it, where its value is in the
 * management API's object, and how the table shows it (by default as rabbitmqctl prints Erlang
 * terms, {@link TableValues}). JSON output shows the API's value.
 */
record Column(String name, Function<JsonNode, JsonNode> value, Function<JsonNode, String> shown) {

    /** The API field of the same name. */
    static Column field(String name) {
        return at(name, name);
    }

    /** The API value at a path of fields, e.g. {@code at("queue_name", "queue", "name")}. */
    static Column at(String name, String... path) {
        return new Column(name, item -> {
            JsonNode node = item;
            for (String field : path) {
                node = node.path(field);
            }
            return node.isMissingNode() ? NullNode.getInstance() : node;
        }, TableValues::render);
    }

    /** A value the API does not hold but the object's kind implies (a binding's source is an exchange). */
    static Column constant(String name, String value) {
        return new Column(name, item -> TextNode.valueOf(value), TableValues::render);
    }

    /** The same value, shown in the table another way. */
    Column shownAs(Function<JsonNode, String> table) {
        return new Column(name, value, table);
    }

    JsonNode json(JsonNode item) {
        return value.apply(item);
    }

    String table(JsonNode item) {
        return shown.apply(value.apply(item));
    }
}
