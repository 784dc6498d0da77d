package io.mensajero.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Netty decoder from bytes to {@link Frame}s, using {@link Frames#decode}. The protocol header
 * (AMQP 0 0 9 1) must have been read before. Input it cannot decode becomes a {@link DecodeError}
 * message. After a fatal error (the stream is out of sync, as RabbitMQ's fatal_frame_error says) or
 * one that aborts the connection, it discards all further input; after any other it goes on with
 * the next frame.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    private volatile long maxFrameSize;
    private boolean failed;

    /** maxFrameSize: see {@link Frames#decode}; 0 = no limit. */
    public FrameDecoder(long maxFrameSize) {
        this.maxFrameSize = checkSize(maxFrameSize);
    }

    /** Sets the frame max, e.g. once connection.tune-ok has been received. */
    public void maxFrameSize(long size) {
        this.maxFrameSize = checkSize(size);
    }

    public long maxFrameSize() {
        return maxFrameSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        Frame frame;
        try {
            frame = Frames.decode(in, maxFrameSize);
        } catch (ProtocolException e) {
            if (e.fatal() || e.abortsConnection()) {
                failed = true;
                in.skipBytes(in.readableBytes());
            }
            out.add(new DecodeError(e));
            return;
        }
        if (frame != null) {
            out.add(frame);
        }
    }

    private static long checkSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("frame max must not be negative: " + size);
        }
        return size;
    }
}
