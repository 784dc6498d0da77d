package io.mensajero.broker.internal.stats;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * The first handler of a connection's pipeline: counts the octets and reads/writes that cross
 * the socket ({@code recv_oct}, {@code recv_cnt}, {@code send_oct}, {@code send_cnt}).
 */
public final class TrafficCounter extends ChannelDuplexHandler {
    private final Counters counters = TrafficStats.create();

    public Counters counters() {
        return counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            counters.add(TrafficStats.RECV_OCT, buf.readableBytes());
            counters.inc(TrafficStats.RECV_CNT);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            counters.add(TrafficStats.SEND_OCT, buf.readableBytes());
            counters.inc(TrafficStats.SEND_CNT);
        }
        ctx.write(msg, promise);
    }
}
