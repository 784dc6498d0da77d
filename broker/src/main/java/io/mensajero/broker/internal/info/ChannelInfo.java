package io.mensajero.broker.internal.info;

import io.mensajero.broker.internal.stats.Counters;

/** A channel as the management API shows it (RabbitMQ's {@code /api/channels}), taken on the broker loop. */
public record ChannelInfo(
        String name,
        int number,
        String connectionName,
        String peerHost,
        int peerPort,
        String user,
        String vhost,
        String state,
        boolean confirm,
        boolean transactional,
        int prefetchCount,
        int globalPrefetchCount,
        int consumerCount,
        int messagesUnacknowledged,
        int messagesUncommitted,
        int acksUncommitted,
        Counters.Snapshot stats) {
}
