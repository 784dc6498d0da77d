package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.arguments.FieldTypes;
import io.mensajero.protocol.LongString;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * RabbitMQ's equivalence rules for redeclaring an existing queue or exchange: the properties
 * and the listed arguments (for a queue, those its type takes: {@code QueueType.queueArguments()})
 * must match, or the declare fails with 406 PRECONDITION_FAILED and
 * RabbitMQ's "inequivalent arg" text.
 */
final class Equivalence {
    /** The exchange arguments RabbitMQ compares on redeclare. */
    static final List<String> EXCHANGE_ARGS = List.of("alternate-exchange");

    private Equivalence() {
    }

    static void field(BindingDestination resource, String field, Object current, Object received) {
        if (!Objects.equals(current, received)) {
            throw AmqpException.preconditionFailed("inequivalent arg '%s' for %s: received '%s' but current is '%s'",
                    field, resource.describe(), received, current);
        }
    }

    static void arguments(BindingDestination resource, Map<String, Object> current, Map<String, Object> received,
                          List<String> keys) {
        for (String key : keys) {
            Object a = current.get(key);
            Object b = received.get(key);
            boolean hasA = current.containsKey(key);
            boolean hasB = received.containsKey(key);
            if (hasA == hasB && (!hasA || sameTypedValue(a, b))) {
                continue;
            }
            if (key.equals("x-queue-type") && (isClassic(a, hasA) && isClassic(b, hasB))) {
                continue;
            }
            // RabbitMQ shows bare values when both sides have the argument, typed ones otherwise.
            boolean typed = !(hasA && hasB);
            throw AmqpException.preconditionFailed("inequivalent arg '%s' for %s: received %s but current is %s",
                    key, resource.describe(), describe(b, hasB, typed), describe(a, hasA, typed));
        }
    }

    private static boolean isClassic(Object value, boolean present) {
        return !present || (value != null && value.toString().equals("classic"));
    }

    /** Same type class (all integers alike, all floats alike) and same value, as RabbitMQ compares. */
    private static boolean sameTypedValue(Object a, Object b) {
        String ca = typeClass(a);
        if (!ca.equals(typeClass(b))) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (isText(a) && isText(b)) {
            return a.toString().equals(b.toString());
        }
        return Objects.equals(a, b);
    }

    private static String typeClass(Object v) {
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long
                || v instanceof BigDecimal) {
            return "int";
        }
        if (v instanceof Float || v instanceof Double) {
            return "float";
        }
        return FieldTypes.name(v);
    }

    private static String describe(Object value, boolean present, boolean typed) {
        if (!present) {
            return "none";
        }
        return typed ? "the value '" + value + "' of type '" + FieldTypes.name(value) + "'" : "'" + value + "'";
    }

    private static boolean isText(Object v) {
        return v instanceof LongString || v instanceof String;
    }
}
