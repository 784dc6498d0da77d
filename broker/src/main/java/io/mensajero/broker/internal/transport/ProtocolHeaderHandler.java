package io.mensajero.broker.internal.transport;

import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.connection.AmqpConnection;
import io.mensajero.protocol.AmqpConstants;
import io.mensajero.protocol.FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.Arrays;
import java.util.List;

/**
 * Reads the 8-byte protocol header a client opens with. "AMQP 0 0 9 1" swaps this handler for
 * the frame decoder and the connection; anything else gets the supported header back and the
 * socket is closed, as the spec and RabbitMQ do.
 */
final class ProtocolHeaderHandler extends ByteToMessageDecoder {
    private final BrokerContext broker;

    ProtocolHeaderHandler(BrokerContext broker) {
        this.broker = broker;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < AmqpConstants.PROTOCOL_HEADER.length) {
            return;
        }
        byte[] header = new byte[AmqpConstants.PROTOCOL_HEADER.length];
        in.readBytes(header);
        if (!Arrays.equals(header, AmqpConstants.PROTOCOL_HEADER)) {
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(AmqpConstants.PROTOCOL_HEADER))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.pipeline().remove("header-timeout");
        // Until tune-ok settles it, frames may be no larger than the spec's frame-min (RabbitMQ
        // refuses a bigger start-ok); AmqpConnection.tuned raises the limit.
        ctx.pipeline().addAfter(ctx.name(), "frames", new FrameDecoder(AmqpConstants.FRAME_MIN_SIZE));
        ctx.pipeline().addAfter("frames", "amqp", new AmqpConnection(broker));
        ctx.pipeline().remove(this);
    }
}
