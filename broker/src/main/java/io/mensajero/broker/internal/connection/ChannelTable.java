package io.mensajero.broker.internal.connection;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.channel.AmqpChannel;
import io.mensajero.broker.internal.channel.ChannelOwner;
import io.mensajero.broker.internal.model.MessageQueue;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A connection's open channels, and the exclusive queues it owns. As in RabbitMQ, channel-max
 * limits how many channels are open at once, not which numbers they use.
 */
final class ChannelTable {
    private final IntObjectMap<AmqpChannel> channels = new IntObjectHashMap<>();
    private final Set<MessageQueue> exclusiveQueues = new LinkedHashSet<>();
    private int channelMax;

    ChannelTable(int channelMax) {
        this.channelMax = channelMax;
    }

    void channelMax(int negotiated) {
        this.channelMax = negotiated;
    }

    AmqpChannel get(int number) {
        return channels.get(number);
    }

    /** channel.open on a free number: the new channel, or 530 when channel-max are open already. */
    AmqpChannel open(ChannelOwner owner, int number) {
        if (channels.size() >= channelMax) {
            throw AmqpException.notAllowed("number of channels opened (%d) has reached the negotiated "
                    + "channel_max (%d)", channels.size(), channelMax);
        }
        AmqpChannel channel = new AmqpChannel(owner, number);
        channels.put(number, channel);
        return channel;
    }

    void closed(int number) {
        channels.remove(number);
    }

    /** The open channels, in no particular order. */
    List<AmqpChannel> all() {
        return new ArrayList<>(channels.values());
    }

    int size() {
        return channels.size();
    }

    void ownsExclusiveQueue(MessageQueue queue) {
        exclusiveQueues.add(queue);
    }

    void queueDeleted(MessageQueue queue) {
        exclusiveQueues.remove(queue);
    }

    /** End of a read batch: each channel sends the publisher confirms it earned. */
    void readComplete() {
        for (AmqpChannel channel : channels.values()) {
            channel.readComplete();
        }
    }

    /** The socket can take more: every channel's queues may deliver again. */
    void resumeDeliveries() {
        for (AmqpChannel channel : new ArrayList<>(channels.values())) {
            channel.resumeDeliveries();
        }
    }

    /** Closes every channel (requeueing what they held), then deletes the exclusive queues. */
    void releaseAll() {
        List<AmqpChannel> open = new ArrayList<>(channels.values());
        channels.clear();
        for (AmqpChannel channel : open) {
            channel.release();
        }
        for (MessageQueue q : new ArrayList<>(exclusiveQueues)) {
            q.vhost().deleteQueue(q);
        }
        exclusiveQueues.clear();
    }
}
