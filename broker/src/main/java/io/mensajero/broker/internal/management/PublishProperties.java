package io.mensajero.broker.internal.management;

import io.mensajero.protocol.BasicProperties;

import java.util.Map;

/** The {@code properties} of an API publish, as RabbitMQ reads them, into AMQP basic properties. */
final class PublishProperties {
    private PublishProperties() {
    }

    static BasicProperties from(Object value) {
        if (value == null) {
            return BasicProperties.EMPTY;
        }
        if (!(value instanceof Map<?, ?> p)) {
            throw ApiException.badRequest("properties must be a JSON object");
        }
        Map<String, Object> headers = p.get("headers") == null ? null : Json.toAmqpTable(p.get("headers"));
        return new BasicProperties(string(p, "content_type"), string(p, "content_encoding"), headers,
                integer(p, "delivery_mode"), integer(p, "priority"), string(p, "correlation_id"),
                string(p, "reply_to"), string(p, "expiration"), string(p, "message_id"),
                timestamp(p), string(p, "type"),
                string(p, "user_id"), string(p, "app_id"), string(p, "cluster_id"));
    }

    private static Long timestamp(Map<?, ?> p) {
        Object v = p.get("timestamp");
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("property timestamp must be a number, got " + v);
        }
    }

    private static String string(Map<?, ?> p, String key) {
        Object v = p.get(key);
        return v == null ? null : v.toString();
    }

    private static Integer integer(Map<?, ?> p, String key) {
        Object v = p.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("property " + key + " must be a number, got " + v);
        }
    }
}
