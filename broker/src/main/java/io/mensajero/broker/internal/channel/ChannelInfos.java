package io.mensajero.broker.internal.channel;

import io.mensajero.broker.internal.info.ChannelInfo;
import io.mensajero.broker.internal.info.ConsumerInfo;

import java.util.ArrayList;
import java.util.List;

/** Snapshots of a channel and its consumers for the management API, taken on the broker loop. */
public final class ChannelInfos {
    private ChannelInfos() {
    }

    /** Where a channel lives, as its snapshots name it. */
    public record Owner(String connectionName, String peerHost, int peerPort, String user, String vhost) {
    }

    public static ChannelInfo of(AmqpChannel ch, Owner owner) {
        return new ChannelInfo(owner.connectionName() + " (" + ch.number + ")", ch.number, owner.connectionName(),
                owner.peerHost(), owner.peerPort(), owner.user(), owner.vhost(),
                ch.isClosing() ? "closing" : "running", ch.confirms.enabled(), ch.tx != null,
                ch.consumerPrefetch, ch.globalPrefetch, ch.consumers.size() + (ch.replyConsumerTag == null ? 0 : 1),
                ch.unacked.size(), ch.tx == null ? 0 : ch.tx.publishCount(), ch.tx == null ? 0 : ch.tx.settleCount(),
                ch.stats.snapshot());
    }

    public static List<ConsumerInfo> consumers(AmqpChannel ch, Owner owner) {
        List<ConsumerInfo> out = new ArrayList<>(ch.consumers.size());
        String channelName = owner.connectionName() + " (" + ch.number + ")";
        for (ChannelConsumer c : ch.consumers.values()) {
            out.add(new ConsumerInfo(c.tag(), c.queue().name(), c.queue().vhost().name(), channelName, ch.number,
                    owner.connectionName(), owner.peerHost(), owner.peerPort(), owner.user(), !c.noAck(),
                    c.exclusive(), c.prefetch(), c.arguments()));
        }
        return out;
    }
}
