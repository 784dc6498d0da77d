package io.mensajero.cli.ctl;

import io.mensajero.cli.Errors;
import io.mensajero.client.Text;
import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer of the management API that is not 2xx: its status and RabbitMQ's error body
 * ({@code {"error": "bad_request", "reason": ...}}), with the reason made readable on one line.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Text what;
    private final int status;
    private final String error;
    private final String reason;

    private ApiException(Text what, int status, String error, String reason) {
        super(Errors.english(what) + ": " + status + " " + error + " " + reason);
        this.what = what;
        this.status = status;
        this.error = error;
        this.reason = reason;
    }

    static ApiException of(Text what, String method, int status, String body) {
        String error = "";
        String reason = "";
        try {
            JsonNode node = body == null || body.isBlank() ? null : ManagementClient.JSON.readTree(body);
            if (node != null && node.isObject()) {
                error = node.path("error").asText("");
                reason = describe(node.get("reason"));
            }
        } catch (java.io.IOException e) {
            reason = firstLine(body);
        }
        if (reason.isEmpty() && status == 405) {
            reason = method + " is not allowed here";
        }
        return new ApiException(what, status, error, reason);
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    /** The broker refused: "the broker refused to add user 'ana': 400 ...", exit 6. */
    MensajeroException refused() {
        return Errors.failure(Failure.BROKER_REFUSED, Text.of("ctl.error.refused", what, Text.literal(summary())), this);
    }

    /** "404 Not Found", "400 invalid regular expression '(' (missing ) at position 1)". */
    String summary() {
        String text = reason.isEmpty() ? error : reason;
        return (status + " " + text).trim();
    }

    /**
     * A reason as a line: RabbitMQ's reasons are text (HTML-escaped, over several lines) or Erlang
     * terms turned into JSON, where a string is a list of character codes.
     */
    static String describe(JsonNode reason) {
        if (reason == null || reason.isNull()) {
            return "";
        }
        if (reason.isTextual()) {
            return oneLine(unescape(reason.asText()));
        }
        if (reason.isArray() && reason.size() == 3 && "invalid_regexp".equals(term(reason.get(0)))) {
            JsonNode detail = reason.get(2);
            String why = detail.isArray() && detail.size() == 2
                    ? term(detail.get(0)) + " at position " + term(detail.get(1)) : term(detail);
            return "invalid regular expression '" + term(reason.get(1)) + "' (" + why + ")";
        }
        if (reason.isArray() && reason.size() > 0) {
            List<String> rest = new ArrayList<>();
            for (int i = 1; i < reason.size(); i++) {
                rest.add(term(reason.get(i)));
            }
            String head = term(reason.get(0));
            return rest.isEmpty() ? head : head + " (" + String.join(", ", rest) + ")";
        }
        return oneLine(reason.toString());
    }

    /** An Erlang term as JSON: a list of printable character codes is the string it spells. */
    private static String term(JsonNode node) {
        if (node.isArray() && node.size() > 0) {
            StringBuilder chars = new StringBuilder();
            for (JsonNode c : node) {
                if (!c.isInt() || c.asInt() < 32 || c.asInt() > 0x10FFFF) {
                    chars = null;
                    break;
                }
                chars.appendCodePoint(c.asInt());
            }
            if (chars != null) {
                return chars.toString();
            }
            List<String> parts = new ArrayList<>();
            node.forEach(element -> parts.add(term(element)));
            return "[" + String.join(", ", parts) + "]";
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String oneLine(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.trim());
            }
        }
        return String.join(": ", lines);
    }

    private static String firstLine(String body) {
        return body == null ? "" : oneLine(body.length() > 200 ? body.substring(0, 200) : body);
    }
}
