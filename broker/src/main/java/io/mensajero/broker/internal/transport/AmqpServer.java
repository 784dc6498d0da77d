package io.mensajero.broker.internal.transport;

import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.BrokerStartException;
import io.mensajero.broker.BrokerStartException.Reason;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.management.ManagementServer;
import io.mensajero.broker.internal.stats.TrafficCounter;
import io.mensajero.broker.internal.store.StoreException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The TCP side of the broker. One Netty event loop runs everything: accepting, reading,
 * decoding and all broker state, so the model needs no locks and every client sees RabbitMQ's
 * orderings. It listens for AMQP (and amqps when a certificate is configured), starts the
 * management API on its own threads, and samples the stats on a timer.
 */
public final class AmqpServer implements BrokerContext.Listeners {
    private final EventLoopGroup group;
    private final BrokerContext broker;
    private final SslContext tls;
    private final List<Channel> serverChannels = new ArrayList<>();
    private InetSocketAddress address;
    private InetSocketAddress tlsAddress;
    private ManagementServer management;
    private ScheduledFuture<?> sampler;

    private AmqpServer(EventLoopGroup group, BrokerContext broker, SslContext tls) {
        this.group = group;
        this.broker = broker;
        this.tls = tls;
    }

    public static AmqpServer start(BrokerConfig config) {
        SslContext tls = TlsContexts.server(config);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        BrokerContext broker;
        try {
            broker = new BrokerContext(config, group.next());
        } catch (StoreException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new BrokerStartException(e.reason(), e.details(), e.getMessage(), e);
        }
        try {
            broker.loop().submit(broker::recover).syncUninterruptibly();
        } catch (RuntimeException e) {
            broker.closeStore();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e instanceof StoreException store
                    ? new BrokerStartException(store.reason(), store.details(), store.getMessage(), e)
                    : new BrokerStartException(Reason.DATA_DIR_UNREADABLE, List.of(
                            String.valueOf(broker.config().dataDir()), String.valueOf(e)),
                            "cannot recover the data directory (" + e + ")", e);
        }
        AmqpServer server = new AmqpServer(group, broker, tls);
        try {
            server.address = listen(server.bind(config.bindAddress(), config.port(), null), config.bindAddress(),
                    config.port());
            if (tls != null) {
                server.tlsAddress = listen(server.bind(config.bindAddress(), config.tlsPort(), tls),
                        config.bindAddress(), config.tlsPort());
            }
            broker.listeners(server);
            if (config.managementPort() != BrokerConfig.NO_MANAGEMENT) {
                server.management = ManagementServer.start(broker, config.managementTls() ? tls : null);
            }
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        long interval = config.statsIntervalMillis();
        server.sampler = broker.loop().scheduleAtFixedRate(() -> broker.sampleStats(interval / 1000.0),
                interval, interval, TimeUnit.MILLISECONDS);
        return server;
    }

    /** Binds one listener; the future completes with the address it listens on. */
    private CompletableFuture<InetSocketAddress> bind(String host, int port, SslContext ssl) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(512 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("traffic", new TrafficCounter());
                        if (ssl != null) {
                            ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast("header-timeout", new ReadTimeoutHandler(10, TimeUnit.SECONDS));
                        ch.pipeline().addLast("header", new ProtocolHeaderHandler(broker));
                        ch.pipeline().addLast("errors", new SocketErrors());
                    }
                });
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        ChannelFuture f = bootstrap.bind(new InetSocketAddress(host, port));
        f.addListener(done -> {
            if (done.isSuccess()) {
                synchronized (serverChannels) {
                    serverChannels.add(f.channel());
                }
                bound.complete((InetSocketAddress) f.channel().localAddress());
            } else {
                bound.completeExceptionally(done.cause());
            }
        });
        return bound;
    }

    /** Waits for a listener at start; a port that cannot be had is a one-line {@link BrokerStartException}. */
    public static InetSocketAddress listen(CompletableFuture<InetSocketAddress> bound, String host, int port) {
        try {
            return bound.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw describe(e.getCause(), host, port);
        }
    }

    private static BrokerStartException describe(Throwable cause, String host, int port) {
        String p = String.valueOf(port);
        if (cause instanceof java.nio.channels.UnresolvedAddressException) {
            return new BrokerStartException(Reason.NO_SUCH_HOST, List.of(host, p),
                    "cannot listen on " + host + ":" + port + ": no such host '" + host + "'", cause);
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase();
        if (cause instanceof BindException && message.contains("in use")) {
            return new BrokerStartException(Reason.PORT_IN_USE, List.of(p, host),
                    "port " + port + " is already in use on " + host, cause);
        }
        return new BrokerStartException(Reason.CANNOT_LISTEN, List.of(host, p, String.valueOf(cause.getMessage())),
                "cannot listen on " + host + ":" + port + " (" + cause.getMessage() + ")", cause);
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The amqps address, or null without TLS. */
    public InetSocketAddress tlsAddress() {
        return tlsAddress;
    }

    @Override
    public InetSocketAddress amqpAddress() {
        return address;
    }

    @Override
    public InetSocketAddress amqpsAddress() {
        return tlsAddress;
    }

    /** The management API's address, or null when it is off. */
    public InetSocketAddress managementAddress() {
        return management == null ? null : management.address();
    }

    public BrokerContext context() {
        return broker;
    }

    /** Runs a task on the broker loop and waits for its result. */
    public <T> T call(java.util.concurrent.Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        broker.loop().execute(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.join();
    }

    // ---- stop_app / start_app (on the broker loop) ----

    @Override
    public void stop() {
        List<Channel> listening;
        synchronized (serverChannels) {
            listening = new ArrayList<>(serverChannels);
            serverChannels.clear();
        }
        listening.forEach(Channel::close);
    }

    @Override
    public CompletableFuture<Void> start() {
        if (running()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<InetSocketAddress> plain = bind(address.getHostString(), address.getPort(), null);
        CompletableFuture<InetSocketAddress> secure = tlsAddress == null ? CompletableFuture.completedFuture(null)
                : bind(tlsAddress.getHostString(), tlsAddress.getPort(), tls);
        return CompletableFuture.allOf(plain, secure);
    }

    @Override
    public boolean running() {
        synchronized (serverChannels) {
            return !serverChannels.isEmpty();
        }
    }

    public void close() {
        if (!group.isShuttingDown()) {
            if (management != null) {
                management.close();
            }
            stop();
            try {
                call(() -> {
                    if (sampler != null) {
                        sampler.cancel(false);
                    }
                    broker.connections().forEach(c -> c.forceClose("broker shutdown"));
                    broker.flushDirty();
                    broker.prepareStop();
                    return null;
                });
            } catch (RuntimeException ignored) {
                // the loop is already gone
            }
            broker.closeStore();
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private void shutdown() {
        if (management != null) {
            management.close();
        }
        stop();
        broker.closeStore();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }
}
