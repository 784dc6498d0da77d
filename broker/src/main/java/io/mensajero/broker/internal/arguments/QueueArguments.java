package io.mensajero.broker.internal.arguments;

import io.mensajero.broker.internal.AmqpException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * queue.declare's arguments checked as RabbitMQ 3.10 checks them when it creates a queue, in its
 * order and with its 406 texts, then read into {@link QueueSettings}. Arguments RabbitMQ does not
 * know (x-foo) are ignored, as RabbitMQ ignores them; arguments of another queue type are refused.
 * The texts name the queue as RabbitMQ does ({@code queue 'q' in vhost '/'}).
 */
public final class QueueArguments {
    /** RabbitMQ's longest TTL or expiry: ten years in milliseconds. */
    static final long MAX_EXPIRY = 315_360_000_000L;
    private static final Pattern MAX_AGE = Pattern.compile("([0-9]*)(.*)", Pattern.DOTALL);

    private interface Check {
        /** The error term RabbitMQ prints, or null when the value is valid. */
        String error(Object value, Map<String, Object> arguments);
    }

    /** RabbitMQ's declare validators, in the order it runs them. */
    private static final Map<String, Check> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put("x-expires", (v, a) -> expiry(v, true));
        CHECKS.put("x-message-ttl", (v, a) -> expiry(v, false));
        CHECKS.put("x-dead-letter-exchange", (v, a) -> text(v));
        CHECKS.put("x-dead-letter-routing-key", (v, a) -> text(v) != null ? text(v)
                : a.containsKey("x-dead-letter-exchange") ? null : "routing_key_but_no_dlx_defined");
        CHECKS.put("x-dead-letter-strategy", (v, a) -> oneOf(v, List.of("at-most-once", "at-least-once"),
                "invalid_dlx_strategy"));
        CHECKS.put("x-max-length", (v, a) -> nonNegative(v));
        CHECKS.put("x-max-length-bytes", (v, a) -> nonNegative(v));
        CHECKS.put("x-max-in-memory-length", (v, a) -> nonNegative(v));
        CHECKS.put("x-max-in-memory-bytes", (v, a) -> nonNegative(v));
        CHECKS.put("x-max-priority", (v, a) -> nonNegative(v) != null ? nonNegative(v)
                : ((Number) v).longValue() > 255 ? ErlangTerm.tuple("max_value_exceeded", v) : null);
        CHECKS.put("x-overflow", (v, a) -> oneOf(v, List.of("drop-head", "reject-publish", "reject-publish-dlx"),
                "invalid_overflow"));
        CHECKS.put("x-queue-mode", (v, a) -> oneOf(v, List.of("default", "lazy"),
                ErlangTerm.string("unsupported queue mode '" + v + "'")));
        CHECKS.put("x-queue-version", (v, a) -> nonNegative(v) != null ? nonNegative(v)
                : List.of(1L, 2L).contains(((Number) v).longValue()) ? null
                : ErlangTerm.string("unsupported queue version '" + v + "'"));
        CHECKS.put("x-single-active-consumer", (v, a) -> bool(v));
        CHECKS.put("x-queue-type", (v, a) -> queueType(v));
        CHECKS.put("x-quorum-initial-group-size", (v, a) -> clusterSize(v));
        CHECKS.put("x-max-age", (v, a) -> maxAge(v));
        CHECKS.put("x-stream-max-segment-size-bytes", (v, a) -> nonNegative(v));
        CHECKS.put("x-initial-cluster-size", (v, a) -> clusterSize(v));
        CHECKS.put("x-queue-leader-locator", (v, a) -> oneOf(v,
                List.of("client-local", "balanced", "random", "least-leaders"), "invalid_queue_locator_arg"));
    }

    private QueueArguments() {
    }

    /**
     * Checks a new queue's declare as RabbitMQ does before it creates it: the dead-letter
     * exchange's type, the queue type, each argument's type and value, arguments of other queue
     * types, then what the type asks of the flags (quorum and stream queues are durable, neither
     * exclusive nor auto-delete). Throws 406 PRECONDITION_FAILED with RabbitMQ's text.
     *
     * @param queue how texts name the queue: {@code queue 'q' in vhost '/'}
     */
    public static QueueSettings validate(String queue, boolean durable, boolean exclusive, boolean autoDelete,
                                         Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        Object dlx = args.get("x-dead-letter-exchange");
        if (args.containsKey("x-dead-letter-exchange") && !FieldTypes.isText(dlx)) {
            throw AmqpException.preconditionFailed("invalid type '%s' for arg 'x-dead-letter-exchange' in %s",
                    FieldTypes.name(dlx), queue);
        }
        check(queue, args, "x-queue-type", CHECKS.get("x-queue-type"));
        QueueType type = QueueType.of(args);
        for (Map.Entry<String, Check> c : CHECKS.entrySet()) {
            if (type.queueArguments().contains(c.getKey())) {
                check(queue, args, c.getKey(), c.getValue());
            }
        }
        for (String key : args.keySet()) {
            if (QueueType.isQueueArgumentOfSomeType(key) && !type.queueArguments().contains(key)) {
                throw AmqpException.preconditionFailed("invalid arg '%s' for %s of queue type %s", key, queue,
                        type.module());
            }
        }
        if (!type.isCompatible(durable && !exclusive, exclusive, autoDelete)) {
            String property = autoDelete ? "auto-delete" : exclusive ? "exclusive-owner" : "non-durable";
            throw AmqpException.preconditionFailed("invalid property '%s' for %s", property, queue);
        }
        if (type == QueueType.STREAM && args.get("x-stream-max-segment-size-bytes") instanceof Number n
                && n.longValue() > 3_000_000_000L) {
            throw AmqpException.preconditionFailed("Exceeded max value for x-stream-max-segment-size-bytes");
        }
        return settings(args);
    }

    /**
     * queue.declare with an empty name: quorum and stream queues cannot be server-named. Checked
     * before anything else, as RabbitMQ does; an x-queue-type that names no type is left to
     * {@link #validate}.
     */
    public static void checkServerNamed(Map<String, Object> arguments) {
        Object v = arguments == null ? null : arguments.get("x-queue-type");
        QueueType type = FieldTypes.isText(v) ? QueueType.byArgument(v.toString()) : null;
        if (type != null && !type.serverNamed()) {
            throw AmqpException.preconditionFailed("Cannot declare a server-named queue for type %s", type.module());
        }
    }

    /**
     * basic.consume's arguments for a queue of this type, as RabbitMQ checks them: x-priority an
     * integer, x-cancel-on-ha-failover a boolean, and no consumer argument of another type.
     */
    public static void validateConsumer(String queue, QueueType type, Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        if (type.consumerArguments().contains("x-priority")) {
            check(queue, args, "x-priority", (v, a) -> integer(v));
        }
        if (type.consumerArguments().contains("x-cancel-on-ha-failover")) {
            check(queue, args, "x-cancel-on-ha-failover", (v, a) -> bool(v));
        }
        for (String key : args.keySet()) {
            if (QueueType.isConsumerArgumentOfSomeType(key) && !type.consumerArguments().contains(key)) {
                throw AmqpException.preconditionFailed("invalid arg '%s' for %s of queue type %s", key, queue,
                        type.module());
            }
        }
    }

    /** The settings of arguments already validated (a queue that exists). */
    public static QueueSettings settings(Map<String, Object> arguments) {
        Map<String, Object> a = arguments == null ? Map.of() : arguments;
        QueueType type = QueueType.of(a);
        Object overflow = a.get("x-overflow");
        return new QueueSettings(type,
                number(a, type, "x-expires"),
                number(a, type, "x-message-ttl"),
                string(a, type, "x-dead-letter-exchange"),
                string(a, type, "x-dead-letter-routing-key"),
                string(a, type, "x-dead-letter-strategy"),
                number(a, type, "x-max-length"),
                number(a, type, "x-max-length-bytes"),
                type.queueArguments().contains("x-overflow") && overflow != null
                        ? Overflow.byArgument(overflow.toString()) : null,
                number(a, type, "x-max-priority") == null ? null : number(a, type, "x-max-priority").intValue(),
                type.queueArguments().contains("x-single-active-consumer")
                        && Boolean.TRUE.equals(a.get("x-single-active-consumer")),
                number(a, type, "x-delivery-limit"));
    }

    private static Long number(Map<String, Object> a, QueueType type, String key) {
        return type.queueArguments().contains(key) && FieldTypes.isInteger(a.get(key))
                ? Long.valueOf(((Number) a.get(key)).longValue()) : null;
    }

    private static String string(Map<String, Object> a, QueueType type, String key) {
        Object v = a.get(key);
        return type.queueArguments().contains(key) && FieldTypes.isText(v) ? v.toString() : null;
    }

    private static void check(String queue, Map<String, Object> args, String key, Check check) {
        if (!args.containsKey(key)) {
            return;
        }
        String error = check.error(args.get(key), args);
        if (error != null) {
            throw AmqpException.preconditionFailed("invalid arg '%s' for %s: %s", key, queue, error);
        }
    }

    // ---- RabbitMQ's validators, each returning its error term or null ----

    private static String integer(Object v) {
        return FieldTypes.isInteger(v) ? null : ErlangTerm.string("expected integer, got " + FieldTypes.name(v));
    }

    private static String nonNegative(Object v) {
        String error = integer(v);
        if (error != null) {
            return error;
        }
        return ((Number) v).longValue() < 0 ? ErlangTerm.tuple("value_negative", v) : null;
    }

    private static String expiry(Object v, boolean zeroInvalid) {
        String error = integer(v);
        if (error != null) {
            return error;
        }
        long n = ((Number) v).longValue();
        if (zeroInvalid && n == 0) {
            return ErlangTerm.tuple("value_zero", v);
        }
        if (n < 0) {
            return ErlangTerm.tuple("value_negative", v);
        }
        return n > MAX_EXPIRY ? ErlangTerm.tuple("value_too_large", v) : null;
    }

    private static String clusterSize(Object v) {
        String error = nonNegative(v);
        if (error != null) {
            return error;
        }
        return ((Number) v).longValue() == 0 ? ErlangTerm.tuple("value_zero", v) : null;
    }

    private static String bool(Object v) {
        return v instanceof Boolean ? null : unacceptable(v);
    }

    private static String text(Object v) {
        return FieldTypes.isText(v) ? null : unacceptable(v);
    }

    private static String oneOf(Object v, List<String> allowed, String error) {
        if (!FieldTypes.isText(v)) {
            return unacceptable(v);
        }
        return allowed.contains(v.toString()) ? null : error;
    }

    private static String queueType(Object v) {
        if (!FieldTypes.isText(v)) {
            return unacceptable(v);
        }
        return QueueType.byArgument(v.toString()) != null ? null
                : ErlangTerm.string("unsupported queue type '" + v + "'");
    }

    private static String maxAge(Object v) {
        if (!FieldTypes.isText(v)) {
            return unacceptable(v);
        }
        return maxAgeMillis(v.toString()) > 0 ? null : "invalid_max_age";
    }

    /**
     * An x-max-age value ({@code 7D}, {@code 1h}: digits then one of Y, M, D, h, m, s; a month is
     * 30 days, a year 365) in milliseconds, as RabbitMQ reads it; -1 when it is not one.
     */
    static long maxAgeMillis(String value) {
        Matcher m = MAX_AGE.matcher(value);
        if (!m.matches() || m.group(1).isEmpty() || m.group(1).matches("0*")) {
            return -1;
        }
        long unit = switch (m.group(2)) {
            case "Y" -> 365L * 24 * 3600 * 1000;
            case "M" -> 30L * 24 * 3600 * 1000;
            case "D" -> 24L * 3600 * 1000;
            case "h" -> 3600L * 1000;
            case "m" -> 60L * 1000;
            case "s" -> 1000L;
            default -> -1;
        };
        if (unit < 0) {
            return -1;
        }
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            return Long.MAX_VALUE; // Erlang's integers have no limit: longer than any clock
        }
    }

    private static String unacceptable(Object v) {
        return ErlangTerm.tuple("unacceptable_type", FieldTypes.name(v));
    }
}
