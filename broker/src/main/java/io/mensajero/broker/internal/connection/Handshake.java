package io.mensajero.broker.internal.connection;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.auth.AuthenticationException;
import io.mensajero.broker.internal.auth.User;
import io.mensajero.broker.internal.auth.UserStore;
import io.mensajero.broker.internal.model.VirtualHost;
import io.mensajero.protocol.Connection;
import io.mensajero.protocol.Method;
import io.mensajero.protocol.ReplyCode;


/**
 * Opening a connection, as RabbitMQ does it: start / start-ok (authentication), tune / tune-ok
 * (frame-max, channel-max, heartbeat), open / open-ok (the virtual host).
 */
final class Handshake {
    private static final int CHANNEL_MIN = 1;

    private enum Step { START_SENT, TUNE_SENT, OPEN_EXPECTED, DONE }

    private final AmqpConnection connection;
    private Step step = Step.START_SENT;
    private String mechanism = "PLAIN";

    Handshake(AmqpConnection connection) {
        this.connection = connection;
    }

    void start() {
        connection.writeMethod(0, new Connection.Start(0, 9,
                ServerProperties.table("mensajero"),
                UserStore.MECHANISMS, "en_US"));
        connection.flush();
    }

    boolean isDone() {
        return step == Step.DONE;
    }

    boolean isTuning() {
        return step == Step.TUNE_SENT;
    }

    /** Tune-ok is in; connection.open is awaited. */
    boolean isOpening() {
        return step == Step.OPEN_EXPECTED;
    }

    /** Handles one method of the handshake. */
    void handle(Method method) {
        switch (step) {
            case START_SENT -> startOk(expect(method, Connection.StartOk.class, "connection.start_ok"));
            case TUNE_SENT -> tuneOk(expect(method, Connection.TuneOk.class, "connection.tune_ok"));
            case OPEN_EXPECTED -> open(expect(method, Connection.Open.class, "connection.open"));
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
        connection.clientProperties(m.clientProperties());
        mechanism = m.mechanism();
        if (!UserStore.supports(mechanism)) {
            throw AmqpException.commandInvalid("unknown authentication mechanism '%s'", mechanism).during(m);
        }
        User user;
        try {
            user = connection.broker().users().authenticate(mechanism, m.response(), connection.remoteAddress());
        } catch (AuthenticationException e) {
            connection.authenticationFailed(e);
            return;
        }
        connection.user(user);
        var config = connection.broker().config();
        connection.writeMethod(0, new Connection.Tune(config.channelMax(), config.frameMax(),
                config.heartbeatSeconds()));
        step = Step.TUNE_SENT;
    }

    private void tuneOk(Connection.TuneOk m) {
        var config = connection.broker().config();
        negotiated("frame_max", m.frameMax(), config.frameMax(), io.mensajero.protocol.AmqpConstants.FRAME_MIN_SIZE, m);
        negotiated("channel_max", m.channelMax(), config.channelMax(), CHANNEL_MIN, m);
        connection.tuned((int) m.frameMax(), m.channelMax(), m.heartbeat());
        step = Step.OPEN_EXPECTED;
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
        connection.opened(vhost);
        connection.writeMethod(0, new Connection.OpenOk());
        step = Step.DONE;
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
