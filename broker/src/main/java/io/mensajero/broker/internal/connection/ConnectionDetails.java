package io.mensajero.broker.internal.connection;

import io.mensajero.broker.internal.ConnectionView;
import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.channel.AmqpChannel;
import io.mensajero.broker.internal.channel.ChannelInfos;
import io.mensajero.broker.internal.info.ChannelInfo;
import io.mensajero.broker.internal.info.ConnectionInfo;
import io.mensajero.broker.internal.info.ConsumerInfo;
import io.mensajero.broker.internal.stats.Counters;
import io.mensajero.broker.internal.stats.StatsRegistry;
import io.mensajero.broker.internal.stats.TrafficCounter;
import io.mensajero.broker.internal.stats.TrafficStats;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.SSLSession;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A connection as the management API sees it: its name (RabbitMQ's {@code "peer -> local"}),
 * addresses, when it connected, what was negotiated, its state, its traffic counters, its TLS
 * session, its channels and consumers.
 */
final class ConnectionDetails implements ConnectionView {
    private final String name;
    private final String peerHost;
    private final InetSocketAddress peer;
    private final InetSocketAddress local;
    private final long connectedAt = System.currentTimeMillis();
    private final Counters traffic;
    private final SslHandler ssl;
    private final Handshake handshake;
    private final ChannelTable channels;
    private final Supplier<String> state;
    private int frameMax;
    private int channelMax;
    private int heartbeat;

    ConnectionDetails(ChannelHandlerContext ctx, BrokerConfig config, Handshake handshake, ChannelTable channels,
                      Supplier<String> state) {
        this.peer = inet(ctx.channel().remoteAddress());
        this.local = inet(ctx.channel().localAddress());
        this.peerHost = host(peer);
        this.name = peerHost + ":" + peer.getPort() + " -> " + host(local) + ":" + local.getPort();
        TrafficCounter counter = ctx.pipeline().get(TrafficCounter.class);
        this.traffic = counter == null ? TrafficStats.create() : counter.counters();
        this.ssl = ctx.pipeline().get(SslHandler.class);
        this.handshake = handshake;
        this.channels = channels;
        this.state = state;
        this.frameMax = config.frameMax();
        this.channelMax = config.channelMax();
    }

    private static InetSocketAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet : new InetSocketAddress(0);
    }

    private static String host(InetSocketAddress a) {
        return a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
    }

    void tuned(int negotiatedFrameMax, int negotiatedChannelMax, int negotiatedHeartbeat) {
        this.frameMax = negotiatedFrameMax;
        this.channelMax = negotiatedChannelMax;
        this.heartbeat = negotiatedHeartbeat;
    }

    /** The connection closed: its traffic stays counted in its vhost's totals. */
    void closed(StatsRegistry stats) {
        stats.count(StatsRegistry.CONNECTION_CLOSED);
        if (vhostName() != null) {
            stats.vhostTraffic(vhostName()).absorb(traffic);
        }
    }

    Counters traffic() {
        return traffic;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String userName() {
        return handshake.user() == null ? null : handshake.user().name();
    }

    @Override
    public String vhostName() {
        return handshake.vhost() == null ? null : handshake.vhost().name();
    }

    @Override
    public ConnectionInfo info() {
        return new ConnectionInfo(name, userName(), vhostName(), state.get(), channels.size(),
                handshake.clientProperties(), connectedAt, frameMax, channelMax, heartbeat, handshake.mechanism(),
                peerHost, peer.getPort(), host(local), local.getPort(), tls(), traffic.snapshot());
    }

    private ConnectionInfo.Tls tls() {
        if (ssl == null) {
            return null;
        }
        SSLSession session = ssl.engine().getSession();
        String cipher = session.getCipherSuite();
        return new ConnectionInfo.Tls(session.getProtocol(), cipher, keyExchange(cipher), hash(cipher));
    }

    /** The key exchange named in a TLS 1.2 suite (TLS 1.3 suites name none). */
    private static String keyExchange(String cipher) {
        if (cipher.startsWith("TLS_ECDHE_RSA")) {
            return "ecdhe_rsa";
        }
        if (cipher.startsWith("TLS_ECDHE_ECDSA")) {
            return "ecdhe_ecdsa";
        }
        if (cipher.startsWith("TLS_DHE_RSA")) {
            return "dhe_rsa";
        }
        return cipher.startsWith("TLS_RSA") ? "rsa" : "any";
    }

    private static String hash(String cipher) {
        if (cipher.endsWith("SHA384")) {
            return "sha384";
        }
        return cipher.endsWith("SHA256") ? "sha256" : cipher.endsWith("SHA") ? "sha" : "aead";
    }

    private ChannelInfos.Owner owner() {
        return new ChannelInfos.Owner(name, peerHost, peer.getPort(), userName(), vhostName());
    }

    @Override
    public List<ChannelInfo> channelInfos() {
        ChannelInfos.Owner owner = owner();
        List<ChannelInfo> out = new ArrayList<>();
        for (AmqpChannel ch : channels.all()) {
            out.add(ChannelInfos.of(ch, owner));
        }
        return out;
    }

    @Override
    public List<ConsumerInfo> consumerInfos() {
        ChannelInfos.Owner owner = owner();
        List<ConsumerInfo> out = new ArrayList<>();
        for (AmqpChannel ch : channels.all()) {
            out.addAll(ChannelInfos.consumers(ch, owner));
        }
        return out;
    }

    @Override
    public void sampleStats(double seconds) {
        traffic.sample(seconds);
        for (AmqpChannel ch : channels.all()) {
            ch.sampleStats(seconds);
        }
    }
}
