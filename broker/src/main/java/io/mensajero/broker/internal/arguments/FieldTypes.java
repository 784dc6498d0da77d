package io.mensajero.broker.internal.arguments;

import io.mensajero.protocol.LongString;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Field-table values as RabbitMQ names and classifies them in its texts. */
public final class FieldTypes {
    private FieldTypes() {
    }

    /** RabbitMQ's name for a field-table value's type: longstr, signedint, long, bool, ... */
    public static String name(Object v) {
        if (v == null) {
            return "void";
        }
        if (v instanceof LongString || v instanceof String) {
            return "longstr";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Byte) {
            return "byte";
        }
        if (v instanceof Short) {
            return "short";
        }
        if (v instanceof Integer) {
            return "signedint";
        }
        if (v instanceof Long) {
            return "long";
        }
        if (v instanceof Float) {
            return "float";
        }
        if (v instanceof Double) {
            return "double";
        }
        if (v instanceof BigDecimal) {
            return "decimal";
        }
        if (v instanceof Instant) {
            return "timestamp";
        }
        if (v instanceof Map) {
            return "table";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof byte[]) {
            return "binary";
        }
        return v.getClass().getSimpleName();
    }

    /** Whether RabbitMQ takes it as an integer argument (byte, short, signedint, long and unsigned kin). */
    public static boolean isInteger(Object v) {
        return v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long;
    }

    public static boolean isText(Object v) {
        return v instanceof LongString || v instanceof String;
    }
}
