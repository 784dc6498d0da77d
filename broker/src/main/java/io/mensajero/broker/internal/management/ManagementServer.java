package io.mensajero.broker.internal.management;

import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.transport.AmqpServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * RabbitMQ's management HTTP API (and Prometheus metrics and the web console's files) on the
 * management port, over Netty's HTTP codec. It runs on its own two threads, never on the broker
 * loop: requests ask the loop for snapshots and changes and render the answers here.
 */
public final class ManagementServer {
    /** Large enough for a definitions file of thousands of queues. */
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final EventLoopGroup group;
    private final Channel channel;

    private ManagementServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** Listens on the configured management port; HTTPS when {@code tls} is given. */
    public static ManagementServer start(BrokerContext broker, SslContext tls) {
        BrokerConfig config = broker.config();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        BrokerBridge bridge = new BrokerBridge(broker);
        HttpHandler handler = new HttpHandler(Api.routes(bridge), broker.access(), new Metrics(bridge));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast("http", new HttpServerCodec());
                        ch.pipeline().addLast("aggregate", new HttpObjectAggregator(MAX_BODY));
                        ch.pipeline().addLast("api", handler);
                    }
                });
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        ChannelFuture f = bootstrap.bind(new InetSocketAddress(config.bindAddress(), config.managementPort()));
        f.addListener(done -> {
            if (done.isSuccess()) {
                bound.complete((InetSocketAddress) f.channel().localAddress());
            } else {
                bound.completeExceptionally(done.cause());
            }
        });
        try {
            AmqpServer.listen(bound, config.bindAddress(), config.managementPort());
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
        return new ManagementServer(group, f.channel());
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
