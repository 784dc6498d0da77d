package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.model.Consumer;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.QueueEntry;

import java.util.Map;

/**
 * A basic.consume subscription. Its prefetch is the channel's per-consumer prefetch when it was
 * created, as RabbitMQ reads basic.qos(global=false); the channel's global limit applies on top.
 */
final class ChannelConsumer implements Consumer {
    private final AmqpChannel channel;
    private final MessageQueue queue;
    private final String tag;
    private final boolean noAck;
    private final boolean exclusive;
    private final int prefetch;
    private final Map<String, Object> arguments;
    private final int priority;
    int unacked;

    ChannelConsumer(AmqpChannel channel, MessageQueue queue, String tag, boolean noAck, boolean exclusive,
                    int prefetch, Map<String, Object> arguments) {
        this.channel = channel;
        this.queue = queue;
        this.tag = tag;
        this.noAck = noAck;
        this.exclusive = exclusive;
        this.prefetch = prefetch;
        this.arguments = arguments;
        this.priority = arguments != null && arguments.get("x-priority") instanceof Number n ? n.intValue() : 0;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public boolean noAck() {
        return noAck;
    }

    @Override
    public boolean exclusive() {
        return exclusive;
    }

    int prefetch() {
        return prefetch;
    }

    MessageQueue queue() {
        return queue;
    }

    Map<String, Object> arguments() {
        return arguments;
    }

    @Override
    public boolean canTake() {
        return channel.canDeliver() && hasRoom();
    }

    @Override
    public boolean waitsOnSocket() {
        return channel.waitsOnSocket() && hasRoom();
    }

    private boolean hasRoom() {
        // As RabbitMQ's limiter: a no-ack consumer ignores its own prefetch and does not count
        // against the channel's, but waits like the others while the channel's limit is reached.
        return channel.hasGlobalCapacity() && (noAck || prefetch == 0 || unacked < prefetch);
    }

    @Override
    public void deliver(MessageQueue from, QueueEntry entry) {
        channel.deliver(this, from, entry);
    }

    @Override
    public void cancelledByBroker(MessageQueue from) {
        channel.consumerCancelledByBroker(this);
    }
}
