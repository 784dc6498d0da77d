package io.mensajero.broker.internal.info;

import io.mensajero.broker.internal.stats.Counters;

import java.util.Map;

/**
 * A connection as the management API shows it, taken on the broker loop: immutable, so it can be
 * rendered on another thread. Fields follow RabbitMQ's {@code /api/connections}.
 */
public record ConnectionInfo(
        String name,
        String user,
        String vhost,
        String state,
        int channels,
        Map<String, Object> clientProperties,
        long connectedAt,
        int frameMax,
        int channelMax,
        int timeout,
        String authMechanism,
        String peerHost,
        int peerPort,
        String host,
        int port,
        Tls tls,
        Counters.Snapshot traffic) {

    /** The TLS session of an amqps connection (null for plain AMQP). */
    public record Tls(String protocol, String cipher, String keyExchange, String hash) {
    }

    public String userProvidedName() {
        Object n = clientProperties.get("connection_name");
        return n == null ? null : n.toString();
    }
}
