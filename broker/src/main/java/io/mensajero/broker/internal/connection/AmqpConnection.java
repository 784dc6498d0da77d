package io.mensajero.broker.internal.connection;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.auth.AuthenticationException;
import io.mensajero.broker.internal.auth.User;
import io.mensajero.broker.internal.channel.AmqpChannel;
import io.mensajero.broker.internal.channel.ChannelOwner;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.protocol.BodyFrame;
import io.mensajero.protocol.Channel;
import io.mensajero.protocol.Connection;
import io.mensajero.protocol.Frame;
import io.mensajero.protocol.FrameDecoder;
import io.mensajero.protocol.Frames;
import io.mensajero.protocol.HeaderFrame;
import io.mensajero.protocol.HeartbeatFrame;
import io.mensajero.protocol.Method;
import io.mensajero.protocol.MethodFrame;
import io.mensajero.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One AMQP connection, after its protocol header: the handshake, channel 0, the table of open
 * channels, heartbeats, blocking on the memory alarm, and closing (by the client, by an error,
 * or because the socket went away). It runs on the broker's event loop.
 */
public final class AmqpConnection extends ChannelInboundHandlerAdapter
        implements BrokerContext.ConnectionHandle, ChannelOwner {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpConnection.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 3;

    private enum State { HANDSHAKE, OPEN, CLOSING, CLOSED }

    private final BrokerContext broker;
    private final long id;
    private final Handshake handshake = new Handshake(this);
    private final IntObjectMap<AmqpChannel> channels = new IntObjectHashMap<>();
    private final Set<MessageQueue> exclusiveQueues = new LinkedHashSet<>();
    private ChannelHandlerContext ctx;
    private State state = State.HANDSHAKE;
    private Map<String, Object> clientProperties = Map.of();
    private Map<String, Object> capabilities = Map.of();
    private User user;
    private VirtualHost vhost;
    private int frameMax;
    private int channelMax;
    private boolean dirty;
    private boolean published;
    private boolean blocked;

    public AmqpConnection(BrokerContext broker) {
        this.broker = broker;
        this.id = broker.nextConnectionId();
        this.frameMax = broker.config().frameMax();
        this.channelMax = broker.config().channelMax();
    }

    // ---- Netty events ----

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        broker.opened(this);
        handshake.start();
        ctx.executor().schedule(() -> {
            if (state == State.HANDSHAKE && ctx.channel().isActive()) {
                LOG.info("closing connection {}: handshake timed out", id);
                ctx.close();
            }
        }, 10, TimeUnit.SECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Frame frame = (Frame) msg;
        try {
            switch (state) {
                case HANDSHAKE -> handshakeFrame(frame);
                case OPEN -> openFrame(frame);
                case CLOSING -> closingFrame(frame);
                case CLOSED -> { }
            }
        } catch (AmqpException e) {
            closeWithError(e);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        for (AmqpChannel channel : channels.values()) {
            channel.readComplete();
        }
        broker.flushDirty();
        flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            for (AmqpChannel channel : new ArrayList<>(channels.values())) {
                channel.resumeDeliveries();
            }
            broker.flushDirty();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle) {
            switch (idle.state()) {
                case READER_IDLE -> {
                    if (!blocked) {
                        LOG.warn("closing connection {}: missed heartbeats from client", id);
                        ctx.close();
                    }
                }
                case WRITER_IDLE -> {
                    ByteBuf buf = ctx.alloc().ioBuffer(8);
                    Frames.writeHeartbeat(buf);
                    ctx.writeAndFlush(buf, ctx.voidPromise());
                }
                default -> { }
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof ProtocolException p) {
            LOG.info("connection {}: {}", id, p.replyText());
            if (p.abortsConnection()) {
                releaseAll();
                state = State.CLOSED;
                ctx.close();
            } else {
                sendCloseAndDrop(new Connection.Close(p.replyCode().code(), p.replyText(), p.classId(), p.methodId()));
            }
        } else if (root instanceof IOException) {
            LOG.debug("connection {}: {}", id, root.toString());
            ctx.close();
        } else {
            LOG.error("connection {}: internal error", id, root);
            sendCloseAndDrop(new Connection.Close(541, "INTERNAL_ERROR", 0, 0));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseAll();
        state = State.CLOSED;
        broker.closed(this);
        broker.flushDirty();
    }

    // ---- frames by state ----

    private void handshakeFrame(Frame frame) {
        if (frame instanceof HeartbeatFrame) {
            return;
        }
        if (!(frame instanceof MethodFrame mf) || frame.channel() != 0) {
            throw AmqpException.unexpectedFrame("expected a method frame on channel 0 during the handshake");
        }
        if (mf.method() instanceof Connection.Close) {
            channelZero(frame);
            return;
        }
        handshake.handle(mf.method());
        if (handshake.isDone()) {
            state = State.OPEN;
        }
    }

    private void openFrame(Frame frame) {
        if (frame instanceof HeartbeatFrame) {
            return;
        }
        int number = frame.channel();
        if (number == 0) {
            channelZero(frame);
            return;
        }
        AmqpChannel channel = channels.get(number);
        if (channel != null) {
            channel.handle(frame);
            return;
        }
        Method method = frame instanceof MethodFrame mf ? mf.method() : null;
        if (!(method instanceof Channel.Open)) {
            throw (method == null
                    ? AmqpException.unexpectedFrame("expected method frame, got non method frame instead")
                    : AmqpException.channelError("expected 'channel.open'").during(method));
        }
        if (number > channelMax) {
            throw AmqpException.notAllowed("number of channels opened (%d) has reached the negotiated "
                    + "channel_max (%d)", channels.size(), channelMax).during(method);
        }
        channels.put(number, new AmqpChannel(this, number));
        writeMethod(number, new Channel.OpenOk());
    }

    private void channelZero(Frame frame) {
        if (!(frame instanceof MethodFrame mf)) {
            throw AmqpException.unexpectedFrame("expected method frame, got non method frame instead");
        }
        Method method = mf.method();
        if (method instanceof Connection.Close) {
            releaseAll();
            state = State.CLOSED;
            ByteBuf buf = ctx.alloc().ioBuffer(16);
            Frames.writeMethod(buf, 0, new Connection.CloseOk());
            ctx.writeAndFlush(buf).addListener(ChannelFutureListener.CLOSE);
        } else if (method instanceof Connection.UpdateSecret) {
            writeMethod(0, new Connection.UpdateSecretOk());
        } else if (!(method instanceof Connection.CloseOk)) {
            throw AmqpException.commandInvalid("unexpected method on channel 0: '%s'", method.name())
                    .during(method);
        }
    }

    private void closingFrame(Frame frame) {
        if (frame instanceof MethodFrame mf && frame.channel() == 0) {
            if (mf.method() instanceof Connection.CloseOk) {
                ctx.close();
            } else if (mf.method() instanceof Connection.Close) {
                ByteBuf buf = ctx.alloc().ioBuffer(16);
                Frames.writeMethod(buf, 0, new Connection.CloseOk());
                ctx.writeAndFlush(buf).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    // ---- closing ----

    /** Closes the whole connection with connection.close, as RabbitMQ does on a hard error. */
    @Override
    public void closeWithError(AmqpException e) {
        if (state == State.CLOSING || state == State.CLOSED) {
            return;
        }
        LOG.info("connection {} error: {}", id, e.replyText());
        releaseAll();
        state = State.CLOSING;
        writeMethod(0, new Connection.Close(e.replyCode().code(), e.replyText(), e.classId(), e.methodId()));
        flush();
        ctx.executor().schedule(() -> {
            if (ctx.channel().isActive()) {
                ctx.close();
            }
        }, CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** After a frame error the stream is out of step: send connection.close and hang up. */
    private void sendCloseAndDrop(Connection.Close close) {
        if (state == State.CLOSED || !ctx.channel().isActive()) {
            ctx.close();
            return;
        }
        releaseAll();
        state = State.CLOSED;
        ByteBuf buf = ctx.alloc().ioBuffer(64);
        Frames.writeMethod(buf, 0, close);
        ctx.writeAndFlush(buf).addListener(ChannelFutureListener.CLOSE);
    }

    void authenticationFailed(AuthenticationException e) {
        LOG.warn("connection {}: login refused: {}", id, e.getMessage());
        if (Handshake.capability(capabilities, "authentication_failure_close")) {
            sendCloseAndDrop(handshake.refusal());
        } else {
            state = State.CLOSED;
            ctx.close();
        }
    }

    @Override
    public void forceClose(String reason) {
        closeWithError(AmqpException.of(io.mensajero.protocol.ReplyCode.CONNECTION_FORCED, reason));
    }

    /** Closes every channel (requeueing what they held) and deletes this connection's exclusive queues. */
    private void releaseAll() {
        if (state == State.CLOSED) {
            return;
        }
        List<AmqpChannel> open = new ArrayList<>(channels.values());
        channels.clear();
        for (AmqpChannel channel : open) {
            channel.release();
        }
        for (MessageQueue q : new ArrayList<>(exclusiveQueues)) {
            q.vhost().deleteQueue(q);
        }
        exclusiveQueues.clear();
    }

    // ---- services for channels (ChannelOwner) ----

    @Override
    public void channelClosed(int number) {
        channels.remove(number);
    }

    @Override
    public void ownsExclusiveQueue(MessageQueue queue) {
        exclusiveQueues.add(queue);
    }

    @Override
    public void queueDeleted(MessageQueue queue) {
        exclusiveQueues.remove(queue);
    }

    @Override
    public void writeMethod(int channel, Method method) {
        if (!ctx.channel().isActive()) {
            return;
        }
        ByteBuf buf = ctx.alloc().ioBuffer(64);
        Frames.writeMethod(buf, channel, method);
        write(buf);
    }

    @Override
    public void writeContent(int channel, Method method, byte[] rawProperties, byte[] body) {
        if (!ctx.channel().isActive()) {
            return;
        }
        ByteBuf buf = ctx.alloc().ioBuffer(64 + rawProperties.length + body.length
                + 8 * (body.length / Math.max(frameMax, 1) + 3));
        Frames.writeContent(buf, channel, method, 60, rawProperties, body, frameMax);
        write(buf);
    }

    private void write(ByteBuf buf) {
        ctx.write(buf, ctx.voidPromise());
        if (!dirty) {
            dirty = true;
            broker.dirty(this);
        }
    }

    @Override
    public void flush() {
        if (dirty) {
            dirty = false;
            ctx.flush();
        }
    }

    @Override
    public boolean isWritable() {
        return ctx.channel().isWritable();
    }

    @Override
    public boolean hasCapability(String name) {
        return Handshake.capability(capabilities, name);
    }

    @Override
    public BrokerContext broker() {
        return broker;
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public VirtualHost vhost() {
        return vhost;
    }

    SocketAddress remoteAddress() {
        return ctx.channel().remoteAddress();
    }

    // ---- handshake results ----

    void clientProperties(Map<String, Object> properties) {
        this.clientProperties = properties;
        Object caps = properties.get("capabilities");
        if (caps instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            this.capabilities = typed;
        }
    }

    void user(User user) {
        this.user = user;
    }

    void tuned(int negotiatedFrameMax, int negotiatedChannelMax, int heartbeatSeconds) {
        this.frameMax = negotiatedFrameMax;
        this.channelMax = negotiatedChannelMax;
        FrameDecoder decoder = ctx.pipeline().get(FrameDecoder.class);
        if (decoder != null) {
            decoder.maxFrameSize(negotiatedFrameMax);
        }
        if (heartbeatSeconds > 0) {
            long millis = heartbeatSeconds * 1000L;
            ctx.pipeline().addBefore(ctx.name(), "heartbeat",
                    new IdleStateHandler(millis * 2, Math.max(millis / 2, 1), 0, TimeUnit.MILLISECONDS));
        }
    }

    void opened(VirtualHost openedVhost) {
        this.vhost = openedVhost;
    }

    // ---- memory alarm ----

    @Override
    public void published() {
        published = true;
        if (broker.gauge().alarm() && !blocked) {
            block();
        }
    }

    @Override
    public void memoryAlarm(boolean raised) {
        if (raised && published && !blocked) {
            block();
        } else if (!raised && blocked) {
            unblock();
        }
    }

    private void block() {
        blocked = true;
        ctx.channel().config().setAutoRead(false);
        if (hasCapability("connection.blocked")) {
            writeMethod(0, new Connection.Blocked("low on memory"));
            flush();
        }
    }

    private void unblock() {
        blocked = false;
        if (hasCapability("connection.blocked")) {
            writeMethod(0, new Connection.Unblocked());
            flush();
        }
        ctx.channel().config().setAutoRead(true);
        ctx.read();
    }

    @Override
    public String toString() {
        return "connection " + id + " (" + clientProperties.getOrDefault("connection_name", "") + ")";
    }
}
