package io.mensajero.broker.internal.info;

import java.util.Map;

/** A consumer as the management API shows it (RabbitMQ's {@code /api/consumers}), taken on the broker loop. */
public record ConsumerInfo(
        String consumerTag,
        String queue,
        String vhost,
        String channelName,
        int channelNumber,
        String connectionName,
        String peerHost,
        int peerPort,
        String user,
        boolean ackRequired,
        boolean exclusive,
        int prefetchCount,
        Map<String, Object> arguments) {
}
