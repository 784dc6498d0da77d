package io.mensajero.broker.internal.arguments;

import java.util.Map;

/**
 * What a queue's arguments (and, once resolved, its policies) ask of it, as plain values: null
 * where nothing is set. Immutable. Built from validated arguments by {@link QueueArguments}, and
 * combined with the matching policy and operator policy by {@link #withPolicy}.
 *
 * @param type                 classic, quorum or stream
 * @param expires              x-expires: ms a queue may stay unused before it is deleted
 * @param messageTtl           x-message-ttl: ms a message may wait in the queue
 * @param deadLetterExchange   x-dead-letter-exchange ("" is the default exchange)
 * @param deadLetterRoutingKey x-dead-letter-routing-key
 * @param deadLetterStrategy   x-dead-letter-strategy (quorum): at-most-once or at-least-once
 * @param maxLength            x-max-length: ready messages at most
 * @param maxLengthBytes       x-max-length-bytes: body bytes of ready messages at most
 * @param overflow             x-overflow: what happens at the limit (null: drop-head)
 * @param maxPriority          x-max-priority: highest message priority (classic)
 * @param singleActiveConsumer x-single-active-consumer
 * @param deliveryLimit        x-delivery-limit (quorum): deliveries before a message is dead-lettered
 */
public record QueueSettings(QueueType type, Long expires, Long messageTtl, String deadLetterExchange,
                            String deadLetterRoutingKey, String deadLetterStrategy, Long maxLength,
                            Long maxLengthBytes, Overflow overflow, Integer maxPriority,
                            boolean singleActiveConsumer, Long deliveryLimit) {

    /** A classic queue with no arguments. */
    public static final QueueSettings NONE = new QueueSettings(QueueType.CLASSIC, null, null, null, null, null,
            null, null, null, null, false, null);

    /** The overflow behaviour in force: drop-head unless set (quorum queues read reject-publish-dlx as drop-head). */
    public Overflow effectiveOverflow() {
        if (overflow == null || (type == QueueType.QUORUM && overflow == Overflow.REJECT_PUBLISH_DLX)) {
            return Overflow.DROP_HEAD;
        }
        return overflow;
    }

    public boolean deadLettering() {
        return deadLetterExchange != null;
    }

    /**
     * These settings (from the queue's arguments) combined with a policy definition (the matching
     * policy merged with the matching operator policy, see {@link Policies#merge}), key by key as
     * RabbitMQ 3.10 resolves them for the queue's type: where both set a key, classic queues take the
     * smaller of expires, message-ttl, max-length and max-length-bytes and the argument's
     * dead-letter exchange, routing key and overflow; quorum queues take the smaller of
     * message-ttl, max-length, max-length-bytes and delivery-limit, the policy's expires and
     * overflow, and the argument's dead-letter settings. x-max-priority and
     * x-single-active-consumer come from arguments only.
     */
    public QueueSettings withPolicy(Map<String, Object> definition) {
        if (definition == null || definition.isEmpty()) {
            return this;
        }
        boolean quorum = type == QueueType.QUORUM;
        return new QueueSettings(type,
                quorum ? policyFirst(expires, number(definition, "expires")) : min(expires, number(definition, "expires")),
                min(messageTtl, number(definition, "message-ttl")),
                argumentFirst(deadLetterExchange, text(definition, "dead-letter-exchange")),
                argumentFirst(deadLetterRoutingKey, text(definition, "dead-letter-routing-key")),
                quorum ? argumentFirst(deadLetterStrategy, text(definition, "dead-letter-strategy")) : deadLetterStrategy,
                min(maxLength, number(definition, "max-length")),
                min(maxLengthBytes, number(definition, "max-length-bytes")),
                quorum ? policyFirst(overflow, overflow(definition)) : argumentFirst(overflow, overflow(definition)),
                maxPriority,
                singleActiveConsumer,
                quorum ? min(deliveryLimit, number(definition, "delivery-limit")) : deliveryLimit);
    }

    private static Long min(Long argument, Long policy) {
        if (argument == null) {
            return policy;
        }
        return policy == null ? argument : Long.valueOf(Math.min(argument, policy));
    }

    private static <T> T argumentFirst(T argument, T policy) {
        return argument != null ? argument : policy;
    }

    private static <T> T policyFirst(T argument, T policy) {
        return policy != null ? policy : argument;
    }

    private static Long number(Map<String, Object> definition, String key) {
        return definition.get(key) instanceof Number n ? Long.valueOf(n.longValue()) : null;
    }

    private static String text(Map<String, Object> definition, String key) {
        Object v = definition.get(key);
        return v == null ? null : v.toString();
    }

    private static Overflow overflow(Map<String, Object> definition) {
        String v = text(definition, "overflow");
        return v == null ? null : Overflow.byArgument(v);
    }
}
