package io.mensajero.broker.internal.transport;

import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.BrokerStartException;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.store.StoreException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The TCP side of the broker. One Netty event loop runs everything: accepting, reading,
 * decoding and all broker state, so the model needs no locks and every client sees RabbitMQ's
 * orderings.
 */
public final class AmqpServer {
    private final EventLoopGroup group;
    private final BrokerContext broker;
    private final Channel serverChannel;

    private AmqpServer(EventLoopGroup group, BrokerContext broker, Channel serverChannel) {
        this.group = group;
        this.broker = broker;
        this.serverChannel = serverChannel;
    }

    public static AmqpServer start(BrokerConfig config) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        BrokerContext broker;
        try {
            broker = new BrokerContext(config, group.next());
        } catch (StoreException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new BrokerStartException(e.getMessage(), e);
        }
        try {
            broker.loop().submit(broker::recover).syncUninterruptibly();
        } catch (RuntimeException e) {
            broker.closeStore();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new BrokerStartException(e instanceof StoreException ? e.getMessage()
                    : "cannot recover the data directory (" + e + ")", e);
        }
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
                        ch.pipeline().addLast("header-timeout", new ReadTimeoutHandler(10, TimeUnit.SECONDS));
                        ch.pipeline().addLast("header", new ProtocolHeaderHandler(broker));
                    }
                });
        try {
            Channel channel = bootstrap.bind(new InetSocketAddress(config.bindAddress(), config.port()))
                    .syncUninterruptibly().channel();
            return new AmqpServer(group, broker, channel);
        } catch (Exception e) {
            broker.closeStore();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new BrokerStartException(describe(e, config), e);
        }
    }

    private static String describe(Exception e, BrokerConfig config) {
        String where = config.bindAddress() + ":" + config.port();
        if (e instanceof java.nio.channels.UnresolvedAddressException) {
            return "cannot listen on " + where + ": no such host '" + config.bindAddress() + "'";
        }
        if (e instanceof BindException || e.getCause() instanceof BindException) {
            String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase();
            if (message.contains("in use")) {
                return "port " + config.port() + " is already in use on " + config.bindAddress();
            }
            return "cannot listen on " + where + " (" + e.getMessage() + ")";
        }
        return "cannot listen on " + where + " (" + e + ")";
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
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

    public void close() {
        if (!group.isShuttingDown()) {
            serverChannel.close().syncUninterruptibly();
            try {
                call(() -> {
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
}
