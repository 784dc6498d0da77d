package io.mensajero.broker.internal.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;

/**
 * The end of a connection's pipeline before it speaks AMQP: an error there (a client that is not
 * speaking TLS on the amqps port, a failed TLS handshake, a reset) closes the socket, quietly.
 */
final class SocketErrors extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SocketErrors.class);

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable reason = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (reason instanceof SSLException) {
            LOG.info("closing {}: TLS failed: {}", ctx.channel().remoteAddress(), reason.getMessage());
        } else {
            LOG.debug("closing {}: {}", ctx.channel().remoteAddress(), reason.toString());
        }
        ctx.close();
    }
}
