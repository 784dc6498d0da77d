package io.mensajero.broker.internal.management;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mensajero.protocol.LongString;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the management API (Jackson), and AMQP field values to and from JSON as RabbitMQ's
 * API converts them: strings for long strings, numbers, booleans, nested tables and arrays; a
 * JSON integer becomes a signed 64-bit long, as in RabbitMQ.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private Json() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a body that must be a JSON object; RabbitMQ's 400 {@code not_json} otherwise. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(byte[] body) {
        Object value = parse(body, "not_json");
        if (!(value instanceof Map)) {
            throw ApiException.badRequest("not_json");
        }
        return (Map<String, Object>) value;
    }

    /** Parses JSON; the error reason is the given one when it is not JSON. */
    static Object parse(byte[] body, String reason) {
        if (body == null || body.length == 0) {
            return new LinkedHashMap<String, Object>();
        }
        try {
            return MAPPER.readValue(body, Object.class);
        } catch (IOException e) {
            throw ApiException.badRequest(reason);
        }
    }

    /** An AMQP field value (arguments, headers, client properties) as JSON shows it. */
    static Object fromAmqp(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number && !(value instanceof BigDecimal)) {
            return value;
        }
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (value instanceof LongString s) {
            return s.toString();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Instant t) {
            return t.getEpochSecond();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), fromAmqp(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(fromAmqp(v)));
            return out;
        }
        return value.toString();
    }

    /** A field table as JSON. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> table(Map<String, Object> table) {
        return table == null ? Map.of() : (Map<String, Object>) fromAmqp(table);
    }

    /** A JSON value as an AMQP field value: integers become longs, other numbers doubles. */
    static Object toAmqp(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (value instanceof java.math.BigInteger b) {
            return b.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            return toAmqpTable(map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(toAmqp(v)));
            return out;
        }
        return value;
    }

    /** A JSON object as an AMQP field table (null for none). */
    static Map<String, Object> toAmqpTable(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), toAmqp(v)));
        }
        return out;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
