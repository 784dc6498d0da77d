package io.mensajero.scenarios.wire;

import io.mensajero.protocol.AmqpConstants;
import io.mensajero.protocol.Channel;
import io.mensajero.protocol.Connection;
import io.mensajero.protocol.Frame;
import io.mensajero.protocol.Frames;
import io.mensajero.protocol.HeartbeatFrame;
import io.mensajero.protocol.Method;
import io.mensajero.protocol.MethodFrame;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A raw AMQP 0-9-1 client for wire scenarios: a blocking socket that writes frames built with the
 * protocol module (or any bytes at all) and reads the broker's frames with {@link Frames#decode}.
 * Every read has a timeout. Test tooling only: the product's tools use amqp-client.
 *
 * <p>Typical use: {@code RawConnection.connect(host, port)}, then {@link #handshake()} or the
 * steps {@link #sendProtocolHeader()}, {@link #startOk()}, {@link #tuneOk}, {@link #open()}; then
 * misbehave and {@link #expectConnectionClose()} and {@link #expectClosedByPeer()}.
 */
final class RawConnection implements AutoCloseable {
    /** How long a read waits for the broker unless told otherwise. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteBuf inbound = Unpooled.buffer();
    private final byte[] chunk = new byte[16 * 1024];
    private Connection.Tune tune;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects (15 s timeout), sending nothing yet. */
    static RawConnection connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            return new RawConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Connects to the broker under test. */
    static RawConnection to(BrokerUnderTest broker) throws IOException {
        return connect(broker.host(), broker.port());
    }

    /** Connects, handshakes (no heartbeat) and opens the channels; closes the socket if any step fails. */
    static RawConnection opened(BrokerUnderTest broker, int... channels) throws IOException {
        RawConnection raw = to(broker);
        try {
            raw.handshake();
            for (int channel : channels) {
                raw.openChannel(channel);
            }
            return raw;
        } catch (IOException | RuntimeException | Error e) {
            raw.close();
            throw e;
        }
    }

    /** The tuning a client proposes in connection.tune-ok. */
    record Tuning(int channelMax, long frameMax, int heartbeat) {
        /** Accepts the server's channel-max and frame-max, with no heartbeat. */
        static Tuning accept(Connection.Tune tune) {
            return new Tuning(tune.channelMax(), tune.frameMax(), 0);
        }

        Tuning withHeartbeat(int seconds) {
            return new Tuning(channelMax, frameMax, seconds);
        }
    }

    // ---- the handshake -------------------------------------------------------------------------

    /** Header, start-ok (PLAIN guest/guest), tune-ok accepting the server's limits with no heartbeat, open "/". */
    RawConnection handshake() throws IOException {
        return handshake(null);
    }

    /** As {@link #handshake()}, with heartbeat seconds in tune-ok (null = 0). */
    RawConnection handshake(Integer heartbeat) throws IOException {
        sendProtocolHeader();
        Connection.Tune t = startOk();
        tuneOk(Tuning.accept(t).withHeartbeat(heartbeat == null ? 0 : heartbeat));
        open();
        return this;
    }

    void sendProtocolHeader() throws IOException {
        sendBytes(AmqpConstants.PROTOCOL_HEADER);
    }

    /** Reads connection.start, answers start-ok PLAIN guest/guest, and returns connection.tune. */
    Connection.Tune startOk() throws IOException {
        return startOk("guest", "guest");
    }

    Connection.Tune startOk(String user, String password) throws IOException {
        expectMethod(0, Connection.Start.class);
        byte[] response = ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
        send(0, new Connection.StartOk(clientProperties(), "PLAIN", response, "en_US"));
        tune = expectMethod(0, Connection.Tune.class);
        return tune;
    }

    /** Sends connection.tune-ok. */
    void tuneOk(Tuning tuning) throws IOException {
        send(0, new Connection.TuneOk(tuning.channelMax(), tuning.frameMax(), tuning.heartbeat()));
    }

    /** Sends connection.open "/" and reads open-ok. */
    void open() throws IOException {
        send(0, new Connection.Open("/"));
        expectMethod(0, Connection.OpenOk.class);
    }

    /** The connection.tune the server sent, once {@link #startOk()} has read it. */
    Connection.Tune tune() {
        return tune;
    }

    /** Sends channel.open and reads channel.open-ok. */
    void openChannel(int channel) throws IOException {
        send(channel, new Channel.Open());
        expectMethod(channel, Channel.OpenOk.class);
    }

    static Map<String, Object> clientProperties() {
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("authentication_failure_close", true);
        capabilities.put("basic.nack", true);
        capabilities.put("connection.blocked", true);
        capabilities.put("consumer_cancel_notify", true);
        capabilities.put("exchange_exchange_bindings", true);
        capabilities.put("publisher_confirms", true);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("product", "mensajero wire scenarios");
        properties.put("platform", "Java");
        properties.put("capabilities", capabilities);
        return properties;
    }

    // ---- writing ---------------------------------------------------------------------------------

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(int channel, Method method) throws IOException {
        sendBytes(RawFrames.frameOf(channel, method));
    }

    void sendHeartbeat() throws IOException {
        sendBytes(RawFrames.frame(AmqpConstants.FRAME_HEARTBEAT, 0, new byte[0]));
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** The next frame from the broker, within the timeout; {@link PeerClosed} if the socket was closed. */
    Frame readFrame(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = Frames.decode(inbound, 0);
            if (frame != null) {
                inbound.discardReadBytes();
                return frame;
            }
            fill(deadline, "a frame");
        }
    }

    Frame readFrame() throws IOException {
        return readFrame(TIMEOUT);
    }

    /** The next method on channel, skipping heartbeats; fails on any other frame. */
    <T extends Method> T expectMethod(int channel, Class<T> type) throws IOException {
        return expectMethod(channel, type, TIMEOUT);
    }

    <T extends Method> T expectMethod(int channel, Class<T> type, Duration timeout) throws IOException {
        Frame frame = nextNonHeartbeat(timeout, type.getSimpleName());
        if (frame instanceof MethodFrame m && m.channel() == channel && type.isInstance(m.method())) {
            return type.cast(m.method());
        }
        throw new AssertionError("expected " + type.getName().replace('$', '.') + " on channel " + channel
                + ", got " + frame);
    }

    /** The broker's connection.close (skipping heartbeats and anything sent before it). */
    Connection.Close expectConnectionClose() throws IOException {
        return expectConnectionClose(TIMEOUT);
    }

    Connection.Close expectConnectionClose(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = nextNonHeartbeat(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                    "connection.close");
            if (frame instanceof MethodFrame m && m.method() instanceof Connection.Close close) {
                return close;
            }
        }
    }

    /** The broker's channel.close on channel (skipping heartbeats and frames on other channels). */
    Channel.Close expectChannelClose(int channel) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Frame frame = nextNonHeartbeat(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                    "channel.close");
            if (frame instanceof MethodFrame m) {
                if (m.channel() == channel && m.method() instanceof Channel.Close close) {
                    return close;
                }
                if (m.method() instanceof Connection.Close close) {
                    throw new AssertionError("expected channel.close on " + channel + ", got " + close);
                }
            }
        }
    }

    private Frame nextNonHeartbeat(Duration timeout, String what) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame;
            try {
                frame = readFrame(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (PeerClosed e) {
                throw new PeerClosed("the broker closed the socket while " + what + " was expected", e);
            }
            if (!(frame instanceof HeartbeatFrame)) {
                return frame;
            }
        }
    }

    /**
     * Reads, discarding frames, until the broker closes the socket (end of stream or reset); fails if
     * it is still open after the timeout. Returns the raw octets read meanwhile.
     */
    byte[] expectClosedByPeer(Duration timeout) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        if (inbound.isReadable()) {
            byte[] pending = new byte[inbound.readableBytes()];
            inbound.readBytes(pending);
            seen.writeBytes(pending);
        }
        try {
            while (true) {
                int n = readSome(deadline);
                if (n < 0) {
                    return seen.toByteArray();
                }
                seen.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the broker had not closed the socket after " + timeout.toMillis()
                    + " ms (read meanwhile: " + seen.size() + " octets)");
        } catch (SocketException e) {
            return seen.toByteArray(); // reset by the peer: closed too
        }
    }

    byte[] expectClosedByPeer() throws IOException {
        return expectClosedByPeer(TIMEOUT);
    }

    /**
     * The broker's connection.close; then close-ok, as a client must (ignoring a socket the broker
     * already closed), and the socket closed by the broker.
     */
    Connection.Close expectConnectionCloseAndClosed() throws IOException {
        Connection.Close close = expectConnectionClose();
        sendQuietly(RawFrames.frameOf(0, new Connection.CloseOk()));
        expectClosedByPeer();
        return close;
    }

    /** The broker closes the socket within the timeout without sending a single octet. */
    void expectClosedSilently(Duration timeout) throws IOException {
        byte[] seen = expectClosedByPeer(timeout);
        if (seen.length > 0) {
            throw new AssertionError("expected the broker to close the socket without a word, got " + RawFrames.describe(seen));
        }
    }

    /** Writes, ignoring a broken pipe or reset: the broker may already have closed the socket. */
    boolean sendQuietly(byte[] bytes) {
        try {
            sendBytes(bytes);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True if the broker closes the socket within the timeout, false if it is still open. */
    boolean isClosedByPeerWithin(Duration timeout) throws IOException {
        try {
            expectClosedByPeer(timeout);
            return true;
        } catch (AssertionError stillOpen) {
            return false;
        }
    }

    /** Reads what comes within the window; nothing is not a failure. Returns the frames seen. */
    List<Frame> drain(Duration window) throws IOException {
        List<Frame> frames = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        try {
            while (true) {
                frames.add(readFrame(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
            }
        } catch (NoFrameInTime e) {
            return frames;
        }
    }

    private void fill(long deadline, String what) throws IOException {
        int n;
        try {
            n = readSome(deadline);
        } catch (SocketTimeoutException e) {
            throw new NoFrameInTime("the broker sent nothing in time (waiting for " + what + ", "
                    + inbound.readableBytes() + " octets pending)");
        } catch (SocketException e) {
            throw new PeerClosed("the broker reset the connection: " + e.getMessage(), e);
        }
        if (n < 0) {
            throw new PeerClosed("the broker closed the socket (" + inbound.readableBytes() + " octets pending)");
        }
        inbound.writeBytes(chunk, 0, n);
    }

    private int readSome(long deadline) throws IOException {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (deadline - System.nanoTime() <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        return in.read(chunk);
    }

    /** Half-closes: the broker reads end of stream, and can still write. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        if (inbound.refCnt() > 0) {
            inbound.release();
        }
    }

    /** The broker closed or reset the socket. */
    static final class PeerClosed extends IOException {
        PeerClosed(String message) {
            super(message);
        }

        PeerClosed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Nothing (or not enough) arrived before the timeout. */
    static final class NoFrameInTime extends IOException {
        NoFrameInTime(String message) {
            super(message);
        }
    }
}
