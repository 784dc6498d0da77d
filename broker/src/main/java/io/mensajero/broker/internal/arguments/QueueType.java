package io.mensajero.broker.internal.arguments;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RabbitMQ 3.10's queue types as AMQP 0-9-1 clients see them: which declare and consume arguments
 * each takes (the others are refused; the type's list is also what a redeclare compares), which
 * policy keys it cannot apply (a policy holding one does not match its queues), and what it asks
 * of a declare.
 */
public enum QueueType {
    CLASSIC("classic", "rabbit_classic_queue", true,
            List.of("x-expires", "x-message-ttl", "x-dead-letter-exchange", "x-dead-letter-routing-key",
                    "x-max-length", "x-max-length-bytes", "x-max-priority", "x-overflow", "x-queue-mode",
                    "x-queue-version", "x-single-active-consumer", "x-queue-type", "x-queue-master-locator"),
            List.of("x-cancel-on-ha-failover", "x-priority", "x-credit"),
            List.of("max-age", "stream-max-segment-size-bytes", "queue-leader-locator", "initial-cluster-size",
                    "delivery-limit", "dead-letter-strategy")),
    QUORUM("quorum", "rabbit_quorum_queue", false,
            List.of("x-dead-letter-exchange", "x-dead-letter-routing-key", "x-dead-letter-strategy", "x-expires",
                    "x-max-length", "x-max-length-bytes", "x-max-in-memory-length", "x-max-in-memory-bytes",
                    "x-overflow", "x-single-active-consumer", "x-queue-type", "x-quorum-initial-group-size",
                    "x-delivery-limit", "x-message-ttl", "x-queue-leader-locator"),
            List.of("x-priority", "x-credit"),
            List.of("max-priority", "queue-mode", "single-active-consumer", "ha-mode", "ha-params", "ha-sync-mode",
                    "ha-promote-on-shutdown", "ha-promote-on-failure", "queue-master-locator", "max-age",
                    "stream-max-segment-size-bytes", "initial-cluster-size")),
    STREAM("stream", "rabbit_stream_queue", false,
            List.of("x-max-length-bytes", "x-queue-type", "x-max-age", "x-stream-max-segment-size-bytes",
                    "x-initial-cluster-size", "x-queue-leader-locator"),
            List.of("x-stream-offset", "x-credit"),
            List.of("expires", "message-ttl", "dead-letter-exchange", "dead-letter-routing-key", "max-length",
                    "max-in-memory-length", "max-in-memory-bytes", "max-priority", "overflow", "queue-mode",
                    "single-active-consumer", "delivery-limit", "ha-mode", "ha-params", "ha-sync-mode",
                    "ha-promote-on-shutdown", "ha-promote-on-failure", "queue-master-locator",
                    "dead-letter-strategy"));

    private static final Set<String> ALL_QUEUE_ARGUMENTS = new LinkedHashSet<>();
    private static final Set<String> ALL_CONSUMER_ARGUMENTS = new LinkedHashSet<>();

    static {
        for (QueueType t : values()) {
            ALL_QUEUE_ARGUMENTS.addAll(t.queueArguments);
            ALL_CONSUMER_ARGUMENTS.addAll(t.consumerArguments);
        }
    }

    private final String argument;
    private final String module;
    private final boolean serverNamed;
    private final List<String> queueArguments;
    private final List<String> consumerArguments;
    private final List<String> unsupportedPolicies;

    QueueType(String argument, String module, boolean serverNamed, List<String> queueArguments,
              List<String> consumerArguments, List<String> unsupportedPolicies) {
        this.argument = argument;
        this.module = module;
        this.serverNamed = serverNamed;
        this.queueArguments = queueArguments;
        this.consumerArguments = consumerArguments;
        this.unsupportedPolicies = unsupportedPolicies;
    }

    /** The value of x-queue-type: classic, quorum, stream. */
    public String argument() {
        return argument;
    }

    /** RabbitMQ's module for the type, as its error texts name it. */
    public String module() {
        return module;
    }

    /** Whether the broker may name such a queue (queue.declare with an empty name). */
    public boolean serverNamed() {
        return serverNamed;
    }

    /** The declare arguments it takes; also the ones compared when a queue of this type is redeclared. */
    public List<String> queueArguments() {
        return queueArguments;
    }

    public List<String> consumerArguments() {
        return consumerArguments;
    }

    /** Policy keys it cannot apply: a policy that holds one of them does not match its queues. */
    public boolean supportsPolicyKey(String key) {
        return !unsupportedPolicies.contains(key);
    }

    /** Whether a declare with these flags suits the type (quorum and stream: durable only). */
    public boolean isCompatible(boolean durable, boolean exclusive, boolean autoDelete) {
        return this == CLASSIC || (durable && !exclusive && !autoDelete);
    }

    /** Queue arguments some type takes: those another type takes are refused for this one. */
    static boolean isQueueArgumentOfSomeType(String key) {
        return ALL_QUEUE_ARGUMENTS.contains(key);
    }

    static boolean isConsumerArgumentOfSomeType(String key) {
        return ALL_CONSUMER_ARGUMENTS.contains(key);
    }

    /** The type named by a valid x-queue-type value, or null for another value. */
    public static QueueType byArgument(String value) {
        for (QueueType t : values()) {
            if (t.argument.equals(value)) {
                return t;
            }
        }
        return null;
    }

    /** The type of a queue declared with these arguments (already validated): classic unless x-queue-type says. */
    public static QueueType of(java.util.Map<String, Object> arguments) {
        Object v = arguments == null ? null : arguments.get("x-queue-type");
        QueueType t = FieldTypes.isText(v) ? byArgument(v.toString()) : null;
        return t == null ? CLASSIC : t;
    }
}
