package io.mensajero.broker.internal.connection;

import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.protocol.Frames;
import io.mensajero.protocol.Method;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

import java.util.concurrent.TimeUnit;

/**
 * What a connection writes: frames are encoded into pooled buffers and written at once, and the
 * socket is flushed once per batch of work (the broker flushes every connection marked dirty), or
 * as soon as {@link #FLUSH_BYTES} are waiting: one read batch of a publisher (up to 1 MiB, about
 * 5,000 small publishes) fanned out to ten queues writes megabytes to each consumer, which would
 * otherwise wait unsent until the whole batch is decoded, and would put the connection over its
 * write-buffer high-water mark although its socket was never tried (flow control then reads that
 * as a consumer waiting on its socket and holds the publisher).
 *
 * <p>Heartbeats are sent when nothing was flushed for half the negotiated interval. The last
 * flush time is kept here rather than by Netty's {@code IdleStateHandler}, which watches writes
 * by giving every write a promise and a listener (about 100 bytes of garbage per frame written).
 */
final class Outbound {
    /** Unflushed bytes at which a connection is flushed at once: one good-sized socket write. */
    static final int FLUSH_BYTES = 64 * 1024;

    private final ChannelHandlerContext ctx;
    private final BrokerContext broker;
    private final BrokerContext.ConnectionHandle owner;
    private int frameMax;
    private boolean dirty;
    private int unflushed;
    private long lastFlushNanos = System.nanoTime();

    Outbound(ChannelHandlerContext ctx, BrokerContext broker, BrokerContext.ConnectionHandle owner, int frameMax) {
        this.ctx = ctx;
        this.broker = broker;
        this.owner = owner;
        this.frameMax = frameMax;
    }

    void frameMax(int negotiated) {
        this.frameMax = negotiated;
    }

    void method(int channel, Method method) {
        if (!ctx.channel().isActive()) {
            return;
        }
        ByteBuf buf = ctx.alloc().ioBuffer(64);
        Frames.writeMethod(buf, channel, method);
        write(buf);
    }

    /** A method with content, its body split to the negotiated frame-max. */
    void content(int channel, Method method, byte[] rawProperties, byte[] body) {
        if (!ctx.channel().isActive()) {
            return;
        }
        ByteBuf buf = ctx.alloc().ioBuffer(64 + rawProperties.length + body.length
                + 8 * (body.length / Math.max(frameMax, 1) + 3));
        Frames.writeContent(buf, channel, method, 60, rawProperties, body, frameMax);
        write(buf);
    }

    /** A heartbeat, sent at once (it exists to be sent when nothing else is). */
    void heartbeat() {
        ByteBuf buf = ctx.alloc().ioBuffer(8);
        Frames.writeHeartbeat(buf);
        lastFlushNanos = System.nanoTime();
        ctx.writeAndFlush(buf, ctx.voidPromise());
    }

    /** From now on, sends a heartbeat whenever nothing was flushed for idleMillis. */
    void heartbeatWhenIdle(long idleMillis) {
        long idleNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(idleMillis, 1));
        checkIdleIn(idleNanos, idleNanos);
    }

    private void checkIdleIn(long delayNanos, long idleNanos) {
        ctx.executor().schedule(() -> {
            if (!ctx.channel().isActive()) {
                return;
            }
            long next = lastFlushNanos + idleNanos - System.nanoTime();
            if (next <= 0) {
                heartbeat();
                next = idleNanos;
            }
            checkIdleIn(next, idleNanos);
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void write(ByteBuf buf) {
        unflushed += buf.readableBytes();
        ctx.write(buf, ctx.voidPromise());
        if (unflushed >= FLUSH_BYTES) {
            dirty = true;
            flush();
        } else if (!dirty) {
            dirty = true;
            broker.dirty(owner);
        }
    }

    void flush() {
        if (dirty) {
            dirty = false;
            unflushed = 0;
            lastFlushNanos = System.nanoTime();
            ctx.flush();
        }
    }

    boolean isWritable() {
        return ctx.channel().isWritable();
    }
}
