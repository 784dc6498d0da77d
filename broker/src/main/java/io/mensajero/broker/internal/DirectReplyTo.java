package io.mensajero.broker.internal;

import io.mensajero.broker.internal.model.Message;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * RabbitMQ's direct reply-to: a channel consuming from the pseudo-queue
 * {@code amq.rabbitmq.reply-to} gets an address {@code amq.rabbitmq.reply-to.<suffix>}; a message
 * published to the default exchange with that routing key goes straight to that consumer, with
 * no queue in between.
 */
public final class DirectReplyTo {
    public static final String QUEUE = "amq.rabbitmq.reply-to";
    public static final String PREFIX = QUEUE + ".";

    /** Where replies go: the consuming channel. */
    public interface Target {
        /** Delivers a reply; false when the target can no longer take it. */
        boolean deliverReply(Message message);
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Target> targets = new HashMap<>();

    /** Registers a target and returns its address (the full reply-to value). */
    public String register(Target target) {
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        String address = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        targets.put(address, target);
        return address;
    }

    public void unregister(String address) {
        targets.remove(address);
    }

    public static boolean isReplyAddress(String routingKey) {
        return routingKey.startsWith(PREFIX);
    }

    /** Delivers a reply published to an address; false when no consumer has that address. */
    public boolean deliver(String address, Message message) {
        Target target = targets.get(address);
        return target != null && target.deliverReply(message);
    }

    /** Whether a passive declare of this reply-to name finds a consumer. */
    public boolean exists(String address) {
        return targets.containsKey(address);
    }
}
