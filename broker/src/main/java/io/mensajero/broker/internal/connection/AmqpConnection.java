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
import io.mensajero.protocol.DecodeError;
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
    /** How long RabbitMQ waits for connection.close-ok, or for the client to hang up after it. */
    private static final long CLOSING_TIMEOUT_SECONDS = 30;
    /** How long RabbitMQ keeps a connection it refuses silently, or one whose stream broke. */
    private static final long SILENT_CLOSE_DELAY_SECONDS = 3;

    /** RabbitMQ's connection states; errors are answered differently in each. */
    private enum State { STARTING, TUNING, OPENING, RUNNING, CLOSING, CLOSED }

    private final BrokerContext broker;
    private final long id;
    private final Handshake handshake = new Handshake(this);
    private final IntObjectMap<AmqpChannel> channels = new IntObjectHashMap<>();
    private final Set<MessageQueue> exclusiveQueues = new LinkedHashSet<>();
    private ChannelHandlerContext ctx;
    private State state = State.STARTING;
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
            if (isHandshaking() && ctx.channel().isActive()) {
                LOG.info("closing connection {}: handshake timed out", id);
                ctx.close();
            }
        }, 10, TimeUnit.SECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof DecodeError error) {
                decodeError(error.error());
                return;
            }
            Frame frame = (Frame) msg;
            switch (state) {
                case STARTING, TUNING, OPENING -> handshakeFrame(frame);
                case RUNNING -> runningFrame(frame);
                case CLOSING -> closingFrame(frame);
                case CLOSED -> { }
            }
        } catch (AmqpException e) {
            fail(e);
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
        if (cause instanceof IOException) {
            LOG.debug("connection {}: {}", id, cause.toString());
        } else {
            LOG.error("connection {}: internal error", id, cause);
        }
        releaseAll();
        state = State.CLOSED;
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseAll();
        state = State.CLOSED;
        broker.closed(this);
        broker.flushDirty();
    }

    // ---- frames by state ----

    private boolean isHandshaking() {
        return state == State.STARTING || state == State.TUNING || state == State.OPENING;
    }

    /**
     * Frames before the connection is open. Until tune-ok is in, RabbitMQ answers mistakes by
     * hanging up without a word; while it waits for connection.open it says what was wrong.
     */
    private void handshakeFrame(Frame frame) {
        if (frame instanceof HeartbeatFrame && frame.channel() == 0) {
            return;
        }
        Method method = frame instanceof MethodFrame mf ? mf.method() : null;
        if (method == null || frame.channel() != 0) {
            throw AmqpException.unexpectedFrame("%s", Frames.describe(frame));
        }
        if (method instanceof Connection.Close) {
            clientClose();
            return;
        }
        if (state == State.OPENING && !(method instanceof Connection.Open)) {
            throw unexpectedMethod(method);
        }
        handshake.handle(method);
        if (handshake.isDone()) {
            state = State.RUNNING;
        } else if (handshake.isOpening()) {
            state = State.OPENING;
        } else if (handshake.isTuning()) {
            state = State.TUNING;
        }
    }

    private AmqpException unexpectedMethod(Method method) {
        return AmqpException.channelError("unexpected method in connection state %s",
                state.name().toLowerCase(java.util.Locale.ROOT)).during(method);
    }

    private void runningFrame(Frame frame) {
        int number = frame.channel();
        if (number == 0) {
            channelZero(frame);
            return;
        }
        if (frame instanceof HeartbeatFrame) {
            throw AmqpException.unexpectedFrame("%s", Frames.describe(frame));
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
        if (channels.size() >= channelMax) {
            throw AmqpException.notAllowed("number of channels opened (%d) has reached the negotiated "
                    + "channel_max (%d)", channels.size(), channelMax);
        }
        channels.put(number, new AmqpChannel(this, number));
        writeMethod(number, new Channel.OpenOk());
    }

    private void channelZero(Frame frame) {
        if (frame instanceof HeartbeatFrame) {
            return;
        }
        if (!(frame instanceof MethodFrame mf)) {
            throw AmqpException.unexpectedFrame("%s", Frames.describe(frame));
        }
        Method method = mf.method();
        if (method instanceof Connection.Close) {
            clientClose();
        } else if (method instanceof Connection.UpdateSecret) {
            writeMethod(0, new Connection.UpdateSecretOk());
        } else if (!(method instanceof Connection.CloseOk)) {
            throw unexpectedMethod(method);
        }
    }

    /** connection.close from the client: close-ok, and the client hangs up (or is hung up on later). */
    private void clientClose() {
        releaseAll();
        state = State.CLOSED;
        writeMethod(0, new Connection.CloseOk());
        flush();
        closeLater(CLOSING_TIMEOUT_SECONDS);
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

    /** An error: silent before tune-ok is in, connection.close after (then close-ok is awaited). */
    private void fail(AmqpException e) {
        if (state == State.STARTING || state == State.TUNING) {
            LOG.info("connection {}: handshake error, closing: {}", id, e.replyText());
            silentClose();
        } else {
            closeWithError(e);
        }
    }

    private void decodeError(ProtocolException p) {
        if (state == State.CLOSED || (state == State.CLOSING && !p.fatal())) {
            return;
        }
        LOG.info("connection {}: {}", id, p.replyText());
        if (p.abortsConnection()) {
            releaseAll();
            state = State.CLOSED;
            ctx.close();
        } else if (state == State.STARTING || state == State.TUNING) {
            silentClose();
        } else if (p.fatal()) {
            // The stream is out of step: say why, read no more, hang up after a grace period.
            ctx.channel().config().setAutoRead(false);
            if (state != State.CLOSING) {
                releaseAll();
                state = State.CLOSING;
                writeMethod(0, new Connection.Close(p.replyCode().code(), p.replyText(), p.classId(), p.methodId()));
                flush();
            }
            closeLater(SILENT_CLOSE_DELAY_SECONDS);
        } else {
            closeWithError(AmqpException.of(p.replyCode(), p.text()).during(p.classId(), p.methodId()));
        }
    }

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
        closeLater(CLOSING_TIMEOUT_SECONDS);
    }

    /** Stops reading and hangs up after RabbitMQ's delay for connections it does not trust. */
    private void silentClose() {
        releaseAll();
        state = State.CLOSED;
        ctx.channel().config().setAutoRead(false);
        closeLater(SILENT_CLOSE_DELAY_SECONDS);
    }

    private void closeLater(long seconds) {
        ctx.executor().schedule(() -> {
            if (ctx.channel().isActive()) {
                ctx.close();
            }
        }, seconds, TimeUnit.SECONDS);
    }

    void authenticationFailed(AuthenticationException e) {
        LOG.warn("connection {}: login refused: {}", id, e.getMessage());
        if (Handshake.capability(capabilities, "authentication_failure_close")) {
            releaseAll();
            state = State.CLOSING;
            writeMethod(0, handshake.refusal());
            flush();
            closeLater(SILENT_CLOSE_DELAY_SECONDS);
        } else {
            silentClose();
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
