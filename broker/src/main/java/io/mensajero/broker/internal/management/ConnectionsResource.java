package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.ConnectionHandle;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.info.ChannelInfo;
import io.mensajero.broker.internal.info.ConnectionInfo;
import io.mensajero.broker.internal.info.ConsumerInfo;
import io.mensajero.broker.internal.stats.TrafficStats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Connections and channels: {@code /api/connections}, {@code /api/connections/{name}} (and DELETE
 * to close it, with the {@code X-Reason} header as the reason), {@code .../channels},
 * {@code /api/vhosts/{vhost}/connections}, {@code /api/channels}, {@code /api/channels/{name}},
 * {@code /api/vhosts/{vhost}/channels}, {@code /api/consumers}, {@code /api/consumers/{vhost}}.
 * Monitors and administrators see every connection; other users their own.
 */
final class ConnectionsResource {
    private final BrokerBridge bridge;

    ConnectionsResource(BrokerBridge bridge) {
        this.bridge = bridge;
    }

    void register(Router router) {
        router.get("/api/connections", r -> connections(r, c -> true))
                .get("/api/vhosts/{vhost}/connections", r -> {
                    Authz.vhost(bridge, r, r.param("vhost"), true);
                    return connections(r, c -> r.param("vhost").equals(c.vhost()));
                })
                .get("/api/connections/{name}", this::connection)
                .delete("/api/connections/{name}", this::close)
                .get("/api/connections/{name}/channels", this::channelsOfConnection)
                .get("/api/channels", r -> channels(r, c -> true))
                .get("/api/vhosts/{vhost}/channels", r -> {
                    Authz.vhost(bridge, r, r.param("vhost"), true);
                    return channels(r, c -> r.param("vhost").equals(c.vhost()));
                })
                .get("/api/channels/{name}", this::channel)
                .get("/api/consumers", r -> consumers(r, Authz.scope(bridge, r)))
                .get("/api/consumers/{vhost}", r -> consumers(r, Authz.scope(bridge, r)));
    }

    private CompletableFuture<List<ConnectionInfo>> infos(ApiRequest r) {
        return bridge.call(r, b -> {
            List<ConnectionInfo> out = new ArrayList<>();
            for (ConnectionHandle c : b.connections()) {
                if (c.view().vhostName() != null) {
                    out.add(c.view().info());
                }
            }
            return out;
        });
    }

    private CompletableFuture<ApiResponse> connections(ApiRequest r, Predicate<ConnectionInfo> which) {
        return infos(r).thenApply(all -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (ConnectionInfo c : all) {
                if (which.test(c) && Authz.seesConnectionsOf(r, c.user())) {
                    items.add(render(c));
                }
            }
            return Listing.reply(r, items, "name");
        });
    }

    private CompletableFuture<ApiResponse> connection(ApiRequest r) {
        String name = r.param("name");
        return infos(r).thenApply(all -> {
            for (ConnectionInfo c : all) {
                if (c.name().equals(name) && Authz.seesConnectionsOf(r, c.user())) {
                    return ApiResponse.ok(render(c));
                }
            }
            throw ApiException.notFound();
        });
    }

    /**
     * A connection's channels; 404 for a connection that is not there (or not the user's to see),
     * where RabbitMQ 3.10 fails with a bare 500.
     */
    private CompletableFuture<ApiResponse> channelsOfConnection(ApiRequest r) {
        String name = r.param("name");
        return infos(r).thenCompose(all -> {
            if (all.stream().noneMatch(c -> c.name().equals(name) && Authz.seesConnectionsOf(r, c.user()))) {
                throw ApiException.notFound();
            }
            return channels(r, c -> c.connectionName().equals(name));
        });
    }

    /** Closes a connection with 320 CONNECTION_FORCED and the X-Reason header (RabbitMQ's default reason without it). */
    private CompletableFuture<ApiResponse> close(ApiRequest r) {
        String name = r.param("name");
        String header = r.header("X-Reason");
        String reason = header == null || header.isBlank() ? "Closed via management plugin" : header;
        return bridge.call(r, b -> {
            ConnectionHandle c = b.connection(name);
            if (c == null || c.view().vhostName() == null || !Authz.seesConnectionsOf(r, c.view().userName())) {
                throw ApiException.notFound();
            }
            c.forceClose(reason);
            return ApiResponse.noContent();
        });
    }

    static Map<String, Object> render(ConnectionInfo c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("auth_mechanism", c.authMechanism());
        m.put("channel_max", c.channelMax());
        m.put("channels", c.channels());
        m.put("client_properties", Json.table(c.clientProperties()));
        m.put("connected_at", c.connectedAt());
        m.put("frame_max", c.frameMax());
        m.put("host", c.host());
        m.put("name", c.name());
        m.put("node", Overview.NODE);
        m.put("peer_cert_issuer", null);
        m.put("peer_cert_subject", null);
        m.put("peer_cert_validity", null);
        m.put("peer_host", c.peerHost());
        m.put("peer_port", c.peerPort());
        m.put("port", c.port());
        m.put("protocol", "AMQP 0-9-1");
        m.put("recv_cnt", c.traffic().get(TrafficStats.RECV_CNT));
        StatsJson.put(m, "recv_oct", c.traffic().get(TrafficStats.RECV_OCT), c.traffic().rate(TrafficStats.RECV_OCT));
        m.put("send_cnt", c.traffic().get(TrafficStats.SEND_CNT));
        StatsJson.put(m, "send_oct", c.traffic().get(TrafficStats.SEND_OCT), c.traffic().rate(TrafficStats.SEND_OCT));
        m.put("send_pend", 0);
        m.put("ssl", c.tls() != null);
        m.put("ssl_cipher", c.tls() == null ? null : c.tls().cipher());
        m.put("ssl_hash", c.tls() == null ? null : c.tls().hash());
        m.put("ssl_key_exchange", c.tls() == null ? null : c.tls().keyExchange());
        m.put("ssl_protocol", c.tls() == null ? null : c.tls().protocol().toLowerCase(java.util.Locale.ROOT));
        m.put("state", c.state());
        m.put("timeout", c.timeout());
        m.put("type", "network");
        m.put("user", c.user());
        m.put("user_provided_name", c.userProvidedName());
        m.put("vhost", c.vhost());
        return m;
    }

    // ---- channels ----

    private record Channels(List<ChannelInfo> channels, List<ConsumerInfo> consumers) {
    }

    private CompletableFuture<Channels> channelInfos(ApiRequest r) {
        return bridge.call(r, b -> {
            List<ChannelInfo> channels = new ArrayList<>();
            List<ConsumerInfo> consumers = new ArrayList<>();
            for (ConnectionHandle c : b.connections()) {
                channels.addAll(c.view().channelInfos());
                consumers.addAll(c.view().consumerInfos());
            }
            return new Channels(channels, consumers);
        });
    }

    private CompletableFuture<ApiResponse> channels(ApiRequest r, Predicate<ChannelInfo> which) {
        return channelInfos(r).thenApply(all -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (ChannelInfo c : all.channels()) {
                if (which.test(c) && Authz.seesConnectionsOf(r, c.user())) {
                    items.add(render(c));
                }
            }
            return Listing.reply(r, items, "name");
        });
    }

    private CompletableFuture<ApiResponse> channel(ApiRequest r) {
        String name = r.param("name");
        return channelInfos(r).thenApply(all -> {
            for (ChannelInfo c : all.channels()) {
                if (c.name().equals(name) && Authz.seesConnectionsOf(r, c.user())) {
                    Map<String, Object> m = render(c);
                    List<Map<String, Object>> consumers = new ArrayList<>();
                    for (ConsumerInfo ci : all.consumers()) {
                        if (ci.channelName().equals(name)) {
                            consumers.add(Render.consumer(ci));
                        }
                    }
                    m.put("consumer_details", consumers);
                    m.put("deliveries", List.of());
                    m.put("publishes", List.of());
                    return ApiResponse.ok(m);
                }
            }
            throw ApiException.notFound();
        });
    }

    static Map<String, Object> render(ChannelInfo c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("acks_uncommitted", c.acksUncommitted());
        m.put("confirm", c.confirm());
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("name", c.connectionName());
        connection.put("peer_host", c.peerHost());
        connection.put("peer_port", c.peerPort());
        m.put("connection_details", connection);
        m.put("consumer_count", c.consumerCount());
        m.put("global_prefetch_count", c.globalPrefetchCount());
        Map<String, Object> stats = StatsJson.messageStats(c.stats(), false);
        if (!stats.isEmpty()) {
            m.put("message_stats", stats);
        }
        m.put("messages_unacknowledged", c.messagesUnacknowledged());
        m.put("messages_uncommitted", c.messagesUncommitted());
        m.put("messages_unconfirmed", 0);
        m.put("name", c.name());
        m.put("node", Overview.NODE);
        m.put("number", c.number());
        m.put("pending_raft_commands", 0);
        m.put("prefetch_count", c.prefetchCount());
        m.put("state", c.state());
        m.put("transactional", c.transactional());
        m.put("user", c.user());
        m.put("vhost", c.vhost());
        return m;
    }

    // ---- consumers ----

    private CompletableFuture<ApiResponse> consumers(ApiRequest r, List<String> vhosts) {
        return bridge.call(r, Snapshots::consumers).thenApply(all -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (ConsumerInfo c : all) {
                if (vhosts.contains(c.vhost())) {
                    items.add(Render.consumer(c));
                }
            }
            return Listing.reply(r, items);
        });
    }
}
