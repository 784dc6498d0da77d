package io.mensajero.client.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.MissedHeartbeatException;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;
import io.mensajero.client.Text;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** Turns amqp-client's exceptions into one-line {@link MensajeroException}s with a {@link Failure}. */
public final class Failures {
    private static final int ACCESS_REFUSED = 403;
    private static final int CONNECTION_FORCED = 320;
    private static final int NOT_ALLOWED = 530;

    private Failures() {
    }

    /** A failure while opening the connection. */
    public static MensajeroException connecting(ConnectionSettings settings, Exception e) {
        String at = settings.address();
        ShutdownSignalException shutdown = find(e, ShutdownSignalException.class);
        if (find(e, AuthenticationFailureException.class) != null
                || find(e, PossibleAuthenticationFailureException.class) != null) {
            return new MensajeroException(Failure.AUTHENTICATION,
                    Text.of("error.connect.authentication", settings.username(), at), e);
        }
        if (shutdown != null && closeCode(shutdown) != 0) {
            int code = closeCode(shutdown);
            if (code == NOT_ALLOWED || code == ACCESS_REFUSED) {
                return new MensajeroException(Failure.ACCESS_REFUSED, Text.of("error.connect.accessRefused",
                        settings.virtualHost(), settings.username(), at, closeText(shutdown)), e);
            }
            return new MensajeroException(Failure.BROKER_REFUSED,
                    Text.of("error.connect.refused", at, closeText(shutdown)), e);
        }
        return new MensajeroException(Failure.UNREACHABLE, Text.of("error.connect.unreachable", at, network(e)), e);
    }

    /** A failure of a request (e.g. what = "declare queue 'hello'") on an open connection. */
    public static MensajeroException during(String what, ConnectionSettings settings, Throwable e) {
        return during(Text.literal(what), settings, e);
    }

    /** A failure of a request ({@code what}, e.g. {@code op.declareQueue}) on an open connection. */
    public static MensajeroException during(Text what, ConnectionSettings settings, Throwable e) {
        return classify(Text.of("error.when.asked", what), Text.of("error.when.trying", what), settings, e);
    }

    /** The channel or connection ended while {@code activity} (e.g. {@code activity.consuming}). */
    public static MensajeroException whileDoing(Text activity, ConnectionSettings settings, Throwable e) {
        Text during = Text.of("error.when.while", activity);
        return classify(during, during, settings, e);
    }

    private static MensajeroException classify(Text asked, Text trying, ConnectionSettings settings, Throwable e) {
        if (e instanceof MensajeroException) {
            return (MensajeroException) e;
        }
        ShutdownSignalException shutdown = find(e, ShutdownSignalException.class);
        if (shutdown != null && closeCode(shutdown) == CONNECTION_FORCED) {
            // The broker went away (stopped, or closed the connection on an operator's request):
            // the same failure as a broker killed or a network gone, only said more precisely.
            return new MensajeroException(Failure.UNREACHABLE, Text.of("error.lost.forced", settings.address(),
                    trying, closeText(shutdown)), e);
        }
        if (shutdown != null && closeCode(shutdown) != 0) {
            int code = closeCode(shutdown);
            Failure failure = code == ACCESS_REFUSED || code == NOT_ALLOWED
                    ? Failure.ACCESS_REFUSED : Failure.BROKER_REFUSED;
            String closed = shutdown.isHardError() ? "error.closed.connection" : "error.closed.channel";
            return new MensajeroException(failure, Text.of(closed, asked, closeText(shutdown)), e);
        }
        if (e instanceof TimeoutException) {
            return new MensajeroException(Failure.BROKER_REFUSED,
                    Text.of("error.timeout", settings.address(), asked), e);
        }
        if (shutdown != null || find(e, java.io.IOException.class) != null) {
            return new MensajeroException(Failure.UNREACHABLE,
                    Text.of("error.lost", settings.address(), trying, network(e)), e);
        }
        return new MensajeroException(Failure.INTERNAL,
                Text.of("error.unexpected", trying, Text.literal(String.valueOf(e))), e);
    }

    /**
     * True when {@code e} says the connection went away (the network, missed heartbeats, the
     * broker closing the connection), as opposed to the broker refusing one request (a channel
     * error) or the application closing it.
     */
    public static boolean isConnectionLoss(Throwable e) {
        ShutdownSignalException shutdown = find(e, ShutdownSignalException.class);
        if (shutdown != null) {
            return shutdown.isHardError() && (!shutdown.isInitiatedByApplication()
                    || find(shutdown, MissedHeartbeatException.class) != null);
        }
        return find(e, java.io.IOException.class) != null;
    }

    /** Why a connection was lost, in one line: missed heartbeats, the broker's close, or the network's error. */
    public static Text lostReason(ShutdownSignalException cause) {
        if (find(cause, MissedHeartbeatException.class) != null) {
            return Text.of("error.lostReason.heartbeats");
        }
        if (closeCode(cause) != 0) {
            return Text.of("error.lostReason.closedByBroker", closeText(cause));
        }
        return cause.getCause() == null ? Text.of("error.lostReason.closed") : network(cause.getCause());
    }

    /** The reply code of the connection.close or channel.close the broker sent, or 0. */
    static int closeCode(ShutdownSignalException shutdown) {
        Method reason = shutdown.getReason();
        if (reason instanceof AMQP.Connection.Close) {
            return ((AMQP.Connection.Close) reason).getReplyCode();
        }
        if (reason instanceof AMQP.Channel.Close) {
            return ((AMQP.Channel.Close) reason).getReplyCode();
        }
        return 0;
    }

    /** "406 PRECONDITION_FAILED - inequivalent arg ...", as the broker said it. */
    static String closeText(ShutdownSignalException shutdown) {
        Method reason = shutdown.getReason();
        String text = reason instanceof AMQP.Connection.Close ? ((AMQP.Connection.Close) reason).getReplyText()
                : reason instanceof AMQP.Channel.Close ? ((AMQP.Channel.Close) reason).getReplyText() : "";
        return (closeCode(shutdown) + " " + oneLine(text)).trim();
    }

    /** Why the network failed, in one line: connection refused, unknown host, ..., else the error's own words. */
    static Text network(Throwable e) {
        if (find(e, ConnectException.class) != null) {
            return Text.of("error.network.refused");
        }
        if (find(e, UnknownHostException.class) != null) {
            return Text.of("error.network.unknownHost");
        }
        if (find(e, NoRouteToHostException.class) != null) {
            return Text.of("error.network.noRoute");
        }
        if (find(e, SocketTimeoutException.class) != null || find(e, TimeoutException.class) != null) {
            return Text.of("error.network.timedOut");
        }
        if (find(e, EOFException.class) != null) {
            return Text.of("error.network.closed");
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return Text.literal(message == null || message.isBlank() ? root.getClass().getSimpleName() : oneLine(message));
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
