package io.mensajero.broker.internal.connection;

import io.mensajero.broker.internal.ConnectionHandle;
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
 * <p>Frames are encoded back to back into {@link #BATCH_BYTES} buffers rather than one pooled
 * buffer each: Netty's per-buffer costs (an allocation, an outbound-buffer entry, a pass through
 * the pipeline, a NIO buffer view at write time) are then paid per 16 KiB, not per delivery.
 *
 * <p>Heartbeats are sent when nothing was flushed for half the negotiated interval. The last
 * flush time is kept here rather than by Netty's {@code IdleStateHandler}, which watches writes
 * by giving every write a promise and a listener (about 100 bytes of garbage per frame written).
 */
final class Outbound {
    /** Unflushed bytes at which a connection is flushed at once: one good-sized socket write. */
    static final int FLUSH_BYTES = 64 * 1024;
    /** Frames are encoded one after another into buffers of this size, handed to Netty when full. */
    static final int BATCH_BYTES = 16 * 1024;
    /** Room kept for a method frame (it grows the buffer in the rare case it is larger). */
    private static final int METHOD_ROOM = 512;

    private final ChannelHandlerContext ctx;
    private final BrokerContext broker;
    private final ConnectionHandle owner;
    private int frameMax;
    private boolean dirty;
    /** Frames written since the last hand-over, not yet given to Netty. */
    private ByteBuf batch;
    /** Bytes given to Netty since the last flush. */
    private int unflushed;
    private long lastFlushNanos = System.nanoTime();

    Outbound(ChannelHandlerContext ctx, BrokerContext broker, ConnectionHandle owner, int frameMax) {
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
        Frames.writeMethod(buffer(METHOD_ROOM), channel, method);
        written();
    }

    /** A method with content, its body split to the negotiated frame-max. */
    void content(int channel, Method method, byte[] rawProperties, byte[] body) {
        if (!ctx.channel().isActive()) {
            return;
        }
        int room = METHOD_ROOM + rawProperties.length + body.length
                + 8 * (body.length / Math.max(frameMax, 1) + 3);
        Frames.writeContent(buffer(room), channel, method, 60, rawProperties, body, frameMax);
        written();
    }

    /**
     * Where the next frames go: the batch buffer while they fit, a new one when they do not, or a
     * buffer of their own when they are larger than a batch.
     */
    private ByteBuf buffer(int room) {
        if (batch != null && batch.writableBytes() >= room) {
            return batch;
        }
        handOver();
        batch = ctx.alloc().ioBuffer(Math.max(room, BATCH_BYTES));
        return batch;
    }

    /** Gives the batch to Netty (counted against the write-buffer water marks from then on). */
    private void handOver() {
        if (batch != null) {
            ByteBuf b = batch;
            batch = null;
            unflushed += b.readableBytes();
            ctx.write(b, ctx.voidPromise());
        }
    }

    private void written() {
        if (batch.readableBytes() >= BATCH_BYTES) {
            handOver();
        }
        if (unflushed >= FLUSH_BYTES) {
            dirty = true;
            flush();
        } else if (!dirty) {
            dirty = true;
            broker.dirty(owner);
        }
    }

    /** A heartbeat, sent at once (it exists to be sent when nothing else is). */
    void heartbeat() {
        ByteBuf buf = ctx.alloc().ioBuffer(8);
        Frames.writeHeartbeat(buf);
        handOver();
        unflushed = 0;
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

    void flush() {
        if (dirty) {
            dirty = false;
            handOver();
            unflushed = 0;
            lastFlushNanos = System.nanoTime();
            ctx.flush();
        }
    }

    /** The connection is gone: frames not yet handed to Netty are dropped. */
    void discard() {
        if (batch != null) {
            batch.release();
            batch = null;
        }
    }

    boolean isWritable() {
        return ctx.channel().isWritable();
    }
}
