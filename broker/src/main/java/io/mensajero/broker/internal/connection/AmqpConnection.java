package io.mensajero.broker.internal.connection;

import io.mensajero.broker.internal.ConnectionHandle;
import io.mensajero.broker.internal.ConnectionView;
import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.BrokerContext;
import io.mensajero.broker.internal.auth.AuthenticationException;
import io.mensajero.broker.internal.auth.User;
import io.mensajero.broker.internal.channel.AmqpChannel;
import io.mensajero.broker.internal.channel.ChannelOwner;
import io.mensajero.broker.internal.model.MessageQueue;
import io.mensajero.broker.internal.model.QueueFlow;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.protocol.Channel;
import io.mensajero.protocol.Connection;
import io.mensajero.protocol.DecodeError;
import io.mensajero.protocol.Frame;
import io.mensajero.protocol.FrameDecoder;
import io.mensajero.protocol.Frames;
import io.mensajero.protocol.HeartbeatFrame;
import io.mensajero.protocol.Method;
import io.mensajero.protocol.MethodFrame;
import io.mensajero.protocol.ProtocolException;
import io.mensajero.protocol.ReplyCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One AMQP connection, after its protocol header: its states as RabbitMQ has them (starting,
 * tuning, opening, running, closing), channel 0, heartbeats, and how each state answers a
 * mistake. It runs on the broker's event loop; its channels ({@link ChannelTable}), writes
 * ({@link Outbound}) and blocking under the memory alarm ({@link PublisherBlocking}) live beside it.
 */
public final class AmqpConnection extends ChannelInboundHandlerAdapter
        implements ConnectionHandle, ChannelOwner {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpConnection.class);
    /** How long RabbitMQ waits for connection.close-ok, or for the client to hang up after it. */
    private static final long CLOSING_TIMEOUT_SECONDS = 30;
    /** How long RabbitMQ keeps a connection it refuses silently, or one whose stream broke. */
    private static final long SILENT_CLOSE_DELAY_SECONDS = 3;
    private static final long HANDSHAKE_TIMEOUT_SECONDS = 10;

    private final BrokerContext broker;
    private final long id;
    private final Handshake handshake = new Handshake(this);
    private final ChannelTable channels;
    private ChannelHandlerContext ctx;
    private Outbound out;
    private PublisherBlocking blocking;
    private final ConnectionFlow flow =
            new ConnectionFlow(() -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()), this::readingChanged);
    private ConnectionDetails details;
    private ConnectionState state = ConnectionState.STARTING;
    private boolean released;
    /** Set for good when the connection is no longer read (a fatal frame error, a silent close). */
    private boolean readStopped;

    public AmqpConnection(BrokerContext broker) {
        this.broker = broker;
        this.id = broker.nextConnectionId();
        this.channels = new ChannelTable(broker.config().channelMax());
    }

    // ---- Netty events ----

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.out = new Outbound(ctx, broker, this, broker.config().frameMax());
        this.blocking = new PublisherBlocking(out, () -> hasCapability("connection.blocked"), this::readingChanged);
        this.details = new ConnectionDetails(ctx, broker.config(), handshake, channels, this::state);
        broker.opened(this);
        handshake.start();
        ctx.executor().schedule(() -> {
            if (state.isHandshake() && ctx.channel().isActive()) {
                LOG.info("closing connection {}: handshake timed out", id);
                ctx.close();
            }
        }, HANDSHAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
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
        channels.readComplete();
        broker.flushDirty();
        out.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            channels.resumeDeliveries();
            broker.flushDirty();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.READER_IDLE && !blocking.blocked() && !flow.held()) {
                LOG.warn("closing connection {}: missed heartbeats from client", id);
                ctx.close();
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
        state = ConnectionState.CLOSED;
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        out.discard();
        releaseAll();
        state = ConnectionState.CLOSED;
        broker.closed(this);
        details.closed(broker.stats());
        broker.flushDirty();
    }

    // ---- frames by state ----

    private void handshakeFrame(Frame frame) {
        handshake.frame(frame);
        if (state.isHandshake()) {
            state = handshake.state();
        }
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
        if (method == null) {
            throw AmqpException.unexpectedFrame("expected method frame, got non method frame instead");
        }
        if (!(method instanceof Channel.Open)) {
            throw AmqpException.channelError("expected 'channel.open'").during(method);
        }
        channels.open(this, number);
        out.method(number, new Channel.OpenOk());
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
            out.method(0, new Connection.UpdateSecretOk());
        } else if (!(method instanceof Connection.CloseOk)) {
            throw AmqpException.channelError("unexpected method in connection state running").during(method);
        }
    }

    /** After this side sent connection.close: close-ok (or a crossing close) ends it, the rest is dropped. */
    private void closingFrame(Frame frame) {
        if (frame instanceof MethodFrame mf && frame.channel() == 0) {
            if (mf.method() instanceof Connection.CloseOk) {
                ctx.close();
            } else if (mf.method() instanceof Connection.Close) {
                out.method(0, new Connection.CloseOk());
                out.flush();
                ctx.close();
            }
        }
    }

    // ---- closing ----

    /** connection.close from the client: close-ok, and the client hangs up (or is hung up on later). */
    void clientClose() {
        releaseAll();
        state = ConnectionState.CLOSED;
        out.method(0, new Connection.CloseOk());
        out.flush();
        closeLater(CLOSING_TIMEOUT_SECONDS);
    }

    /** An error: silent before tune-ok is in, connection.close after (then close-ok is awaited). */
    private void fail(AmqpException e) {
        if (state.isSilent()) {
            LOG.info("connection {}: handshake error, closing: {}", id, e.replyText());
            silentClose();
        } else {
            closeWithError(e);
        }
    }

    /**
     * Input the decoder could not read. An unknown method or a bad field table drops the
     * connection (RabbitMQ's reader crashes); a frame out of step with the stream is answered,
     * then the socket is left unread and closed after a grace period; any other bad frame is an
     * ordinary connection error.
     */
    private void decodeError(ProtocolException p) {
        if (state == ConnectionState.CLOSED || (state == ConnectionState.CLOSING && !p.fatal())) {
            return;
        }
        LOG.info("connection {}: {}", id, p.replyText());
        if (p.abortsConnection()) {
            releaseAll();
            state = ConnectionState.CLOSED;
            ctx.close();
        } else if (state.isSilent()) {
            silentClose();
        } else if (p.fatal()) {
            stopReading();
            if (state != ConnectionState.CLOSING) {
                sendClose(new Connection.Close(p.replyCode().code(), p.replyText(), p.classId(), p.methodId()));
            }
            closeLater(SILENT_CLOSE_DELAY_SECONDS);
        } else {
            closeWithError(AmqpException.of(p.replyCode(), p.text()).during(p.classId(), p.methodId()));
        }
    }

    /** Closes the whole connection with connection.close, as RabbitMQ does on a hard error. */
    @Override
    public void closeWithError(AmqpException e) {
        if (state == ConnectionState.CLOSING || state == ConnectionState.CLOSED) {
            return;
        }
        LOG.info("connection {} error: {}", id, e.replyText());
        sendClose(new Connection.Close(e.replyCode().code(), e.replyText(), e.classId(), e.methodId()));
        closeLater(CLOSING_TIMEOUT_SECONDS);
    }

    private void sendClose(Connection.Close close) {
        releaseAll();
        state = ConnectionState.CLOSING;
        out.method(0, close);
        out.flush();
    }

    /** Stops reading and hangs up after RabbitMQ's delay for connections it does not trust. */
    private void silentClose() {
        releaseAll();
        state = ConnectionState.CLOSED;
        stopReading();
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
        if (hasCapability("authentication_failure_close")) {
            sendClose(handshake.refusal());
            closeLater(SILENT_CLOSE_DELAY_SECONDS);
        } else {
            silentClose();
        }
    }

    @Override
    public void forceClose(String reason) {
        closeWithError(AmqpException.of(ReplyCode.CONNECTION_FORCED, reason));
    }

    /** Releases the channels and exclusive queues, once; afterwards the connection holds nothing. */
    private void releaseAll() {
        if (!released) {
            released = true;
            channels.releaseAll();
            flow.release();
        }
    }

    // ---- reading: the memory alarm and flow control hold it, some errors stop it for good ----

    private void stopReading() {
        readStopped = true;
        readingChanged();
    }

    private void readingChanged() {
        ctx.channel().config().setAutoRead(!readStopped && !blocking.blocked() && !flow.held());
    }

    @Override
    public String state() {
        if (state != ConnectionState.RUNNING) {
            return state.label();
        }
        if (blocking.blocked()) {
            return "blocked";
        }
        if (blocking.blocking()) {
            return "blocking";
        }
        return flow.inFlow() ? "flow" : "running";
    }

    // ---- services for channels (ChannelOwner) ----

    @Override
    public void channelClosed(int number) {
        channels.closed(number);
    }

    @Override
    public void ownsExclusiveQueue(MessageQueue queue) {
        channels.ownsExclusiveQueue(queue);
    }

    @Override
    public void queueDeleted(MessageQueue queue) {
        channels.queueDeleted(queue);
    }

    @Override
    public void writeMethod(int channel, Method method) {
        out.method(channel, method);
    }

    @Override
    public void writeContent(int channel, Method method, byte[] rawProperties, byte[] body) {
        out.content(channel, method, rawProperties, body);
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public boolean isWritable() {
        return out.isWritable();
    }

    @Override
    public boolean hasCapability(String name) {
        return handshake.hasCapability(name);
    }

    @Override
    public BrokerContext broker() {
        return broker;
    }

    @Override
    public User user() {
        return handshake.user();
    }

    @Override
    public VirtualHost vhost() {
        return handshake.vhost();
    }

    @Override
    public QueueFlow.Sender publisher() {
        return flow;
    }

    @Override
    public void published() {
        blocking.published(broker.alarms().reason());
    }

    @Override
    public void resourceAlarm(String reason) {
        blocking.alarm(reason);
    }

    @Override
    public ConnectionView view() {
        return details;
    }

    // ---- what the handshake negotiated ----

    SocketAddress remoteAddress() {
        return ctx.channel().remoteAddress();
    }

    void tuned(int frameMax, int channelMax, int heartbeatSeconds) {
        details.tuned(frameMax, channelMax, heartbeatSeconds);
        out.frameMax(frameMax);
        channels.channelMax(channelMax);
        FrameDecoder decoder = ctx.pipeline().get(FrameDecoder.class);
        if (decoder != null) {
            decoder.maxFrameSize(frameMax);
        }
        if (heartbeatSeconds > 0) {
            long millis = heartbeatSeconds * 1000L;
            ctx.pipeline().addBefore(ctx.name(), "heartbeat",
                    new IdleStateHandler(millis * 2, 0, 0, TimeUnit.MILLISECONDS));
            out.heartbeatWhenIdle(millis / 2);
        }
    }

    @Override
    public String toString() {
        Object name = handshake.clientProperty("connection_name");
        return "connection " + id + (name == null ? "" : " (" + name + ")");
    }
}
