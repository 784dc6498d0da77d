package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.protocol.LongString;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Routes by message headers against binding arguments. {@code x-match} is {@code all} (the
 * default) or {@code any}; binding arguments whose names start with {@code x-} are ignored unless
 * it is {@code all-with-x} or {@code any-with-x}. An argument with no value (void) asks only that
 * the header be present. Values compare as RabbitMQ compares them: numbers by value, whatever
 * their wire type.
 */
final class HeadersExchange extends Exchange {

    HeadersExchange(VirtualHost vhost, String name, boolean durable, boolean autoDelete, boolean internal,
                    Map<String, Object> arguments) {
        super(vhost, name, durable, autoDelete, internal, arguments);
    }

    @Override
    public String type() {
        return "headers";
    }

    @Override
    void route(Message message, Consumer<BindingDestination> sink) {
        if (bindings().isEmpty()) {
            return;
        }
        Map<String, Object> headers = message.hasProperty(Message.FLAG_HEADERS)
                ? message.properties().headers() : Map.of();
        for (Binding b : bindings()) {
            if (matches(b.arguments(), headers == null ? Map.of() : headers)) {
                sink.accept(b.destination());
            }
        }
    }

    @Override
    void addRoute(Binding binding) {
    }

    @Override
    void removeRoute(Binding binding) {
    }

    /** Checks x-match as RabbitMQ validates a headers binding. */
    static void validateBinding(Map<String, Object> arguments) {
        Object xMatch = arguments.get("x-match");
        if (xMatch == null) {
            return;
        }
        if (!isText(xMatch)) {
            throw AmqpException.preconditionFailed(
                    "Invalid x-match field type %s (value %s); expected longstr", typeName(xMatch), xMatch);
        }
        switch (xMatch.toString()) {
            case "all", "any", "all-with-x", "any-with-x" -> { }
            default -> throw AmqpException.preconditionFailed(
                    "Invalid x-match field value <<\"%s\">>; expected all, any, all-with-x, or any-with-x", xMatch);
        }
    }

    static boolean matches(Map<String, Object> pattern, Map<String, Object> headers) {
        Object xMatch = pattern.get("x-match");
        String kind = xMatch == null ? "all" : xMatch.toString();
        boolean any = kind.startsWith("any");
        boolean withX = kind.endsWith("-with-x");
        boolean allMatch = true;
        boolean anyMatch = false;
        for (Map.Entry<String, Object> p : pattern.entrySet()) {
            String key = p.getKey();
            if (key.equals("x-match") || (!withX && key.startsWith("x-"))) {
                continue;
            }
            boolean hit = headers.containsKey(key)
                    && (p.getValue() == null || valuesEqual(p.getValue(), headers.get(key)));
            if (hit) {
                anyMatch = true;
                if (any) {
                    return true;
                }
            } else {
                allMatch = false;
                if (!any) {
                    return false;
                }
            }
        }
        return any ? anyMatch : allMatch;
    }

    static boolean valuesEqual(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return toDecimal(x).compareTo(toDecimal(y)) == 0;
        }
        if (isText(a) && isText(b)) {
            return a.toString().equals(b.toString());
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return a == null ? b == null : a.equals(b);
    }

    private static BigDecimal toDecimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Float || n instanceof Double) {
            double v = n.doubleValue();
            return Double.isFinite(v) ? BigDecimal.valueOf(v) : BigDecimal.valueOf(Long.MAX_VALUE);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static String typeName(Object value) {
        return value == null ? "void" : value.getClass().getSimpleName().toLowerCase();
    }

    private static boolean isText(Object v) {
        return v instanceof LongString || v instanceof String;
    }
}
