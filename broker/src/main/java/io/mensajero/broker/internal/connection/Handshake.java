package io.mensajero.broker.internal.connection;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.auth.AuthenticationException;
import io.mensajero.broker.internal.auth.User;
import io.mensajero.broker.internal.auth.AccessControl;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.protocol.Connection;
import io.mensajero.protocol.Frame;
import io.mensajero.protocol.Frames;
import io.mensajero.protocol.HeartbeatFrame;
import io.mensajero.protocol.Method;
import io.mensajero.protocol.MethodFrame;
import io.mensajero.protocol.ReplyCode;

import java.util.Map;

/**
 * Opening a connection, as RabbitMQ does it: start / start-ok (authentication), tune / tune-ok
 * (frame-max, channel-max, heartbeat), open / open-ok (the virtual host).
 */
final class Handshake {
    private static final int CHANNEL_MIN = 1;

    private final AmqpConnection connection;
    private ConnectionState state = ConnectionState.STARTING;
    private String mechanism = "PLAIN";
    private Map<String, Object> clientProperties = Map.of();
    private Map<String, Object> capabilities = Map.of();
    private User user;
    private VirtualHost vhost;

    Handshake(AmqpConnection connection) {
        this.connection = connection;
    }

    void start() {
        connection.writeMethod(0, new Connection.Start(0, 9,
                ServerProperties.table("mensajero"),
                AccessControl.MECHANISMS, "en_US"));
        connection.flush();
    }

    private void clientProperties(Map<String, Object> properties) {
        this.clientProperties = properties;
        if (properties.get("capabilities") instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            this.capabilities = typed;
        }
    }

    /** Whether the client announced the capability in its start-ok properties. */
    boolean hasCapability(String name) {
        return Boolean.TRUE.equals(capabilities.get(name));
    }

    /** The client properties of start-ok, as the management API lists them. */
    Map<String, Object> clientProperties() {
        return clientProperties;
    }

    Object clientProperty(String name) {
        return clientProperties.get(name);
    }

    /** The logged-in user, once start-ok is accepted. */
    User user() {
        return user;
    }

    /** The virtual host, once connection.open is accepted. */
    VirtualHost vhost() {
        return vhost;
    }

    /** STARTING, TUNING, OPENING while it lasts; RUNNING once connection.open-ok is sent. */
    ConnectionState state() {
        return state;
    }

    /**
     * A frame before the connection is open: only methods on channel 0 belong here, and only the
     * one the current step expects (or connection.close).
     */
    void frame(Frame frame) {
        if (frame instanceof HeartbeatFrame && frame.channel() == 0) {
            return;
        }
        Method method = frame instanceof MethodFrame mf ? mf.method() : null;
        if (method == null || frame.channel() != 0) {
            throw AmqpException.unexpectedFrame("%s", Frames.describe(frame));
        }
        if (method instanceof Connection.Close) {
            connection.clientClose();
            return;
        }
        switch (state) {
            case STARTING -> startOk(expect(method, Connection.StartOk.class, "connection.start_ok"));
            case TUNING -> tuneOk(expect(method, Connection.TuneOk.class, "connection.tune_ok"));
            case OPENING -> {
                if (!(method instanceof Connection.Open open)) {
                    throw AmqpException.channelError("unexpected method in connection state opening").during(method);
                }
                open(open);
            }
            default -> throw new IllegalStateException("handshake already done");
        }
    }

    private static <T extends Method> T expect(Method method, Class<T> type, String name) {
        if (!type.isInstance(method)) {
            throw AmqpException.commandInvalid("expected '%s', got '%s'", name, method.name().replace('-', '_'))
                    .during(method);
        }
        return type.cast(method);
    }

    private void startOk(Connection.StartOk m) {
        clientProperties(m.clientProperties());
        mechanism = m.mechanism();
        if (!AccessControl.supports(mechanism)) {
            throw AmqpException.commandInvalid("unknown authentication mechanism '%s'", mechanism).during(m);
        }
        User user;
        try {
            user = connection.broker().access().authenticate(mechanism, m.response(), connection.remoteAddress());
        } catch (AuthenticationException e) {
            connection.authenticationFailed(e);
            return;
        }
        this.user = user;
        var config = connection.broker().config();
        connection.writeMethod(0, new Connection.Tune(config.channelMax(), config.frameMax(),
                config.heartbeatSeconds()));
        state = ConnectionState.TUNING;
    }

    private void tuneOk(Connection.TuneOk m) {
        var config = connection.broker().config();
        negotiated("frame_max", m.frameMax(), config.frameMax(), io.mensajero.protocol.AmqpConstants.FRAME_MIN_SIZE, m);
        negotiated("channel_max", m.channelMax(), config.channelMax(), CHANNEL_MIN, m);
        connection.tuned((int) m.frameMax(), m.channelMax(), m.heartbeat());
        state = ConnectionState.OPENING;
    }

    private static void negotiated(String field, long value, long serverMax, long min, Method m) {
        if (value == 0 || value > serverMax) {
            throw AmqpException.notAllowed("negotiated %s = %d is higher than the maximum allowed value (%d)",
                    field, value, serverMax).during(m);
        }
        if (value < min) {
            throw AmqpException.notAllowed("%s=%d < %d min size", field, value, min).during(m);
        }
    }

    private void open(Connection.Open m) {
        VirtualHost vhost = connection.broker().vhost(m.virtualHost());
        if (vhost == null) {
            throw AmqpException.notAllowed("vhost %s not found", m.virtualHost()).during(m);
        }
        if (!connection.broker().access().model().canAccess(user.name(), vhost.name())) {
            throw AmqpException.notAllowed("access to vhost '%s' refused for user '%s'", vhost.name(), user.name())
                    .during(m);
        }
        this.vhost = vhost;
        connection.broker().stats().count(io.mensajero.broker.internal.stats.StatsRegistry.CONNECTION_CREATED);
        connection.writeMethod(0, new Connection.OpenOk());
        state = ConnectionState.RUNNING;
    }

    String mechanism() {
        return mechanism;
    }

    /** The close RabbitMQ sends a client that asked for authentication_failure_close. */
    Connection.Close refusal() {
        return new Connection.Close(ReplyCode.ACCESS_REFUSED.code(),
                "ACCESS_REFUSED - Login was refused using authentication mechanism " + mechanism
                        + ". For details see the broker logfile.", 0, 0);
    }

}
