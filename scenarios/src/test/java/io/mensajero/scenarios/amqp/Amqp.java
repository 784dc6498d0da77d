package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.ShutdownSignalException;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Expecting a channel or connection exception from the broker and reading it back exactly:
 * reply code, reply text, class id and method id, and whether it closed the channel (soft
 * error) or the whole connection (hard error).
 */
public final class Amqp {
    /** How long to wait, after a synchronous round trip, before concluding nothing happened. */
    static final Duration SILENCE = Duration.ofMillis(250);
    /** How long a positive expectation may take. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private Amqp() {
    }

    /** What the broker's channel.close or connection.close said. */
    public record Failure(Scope scope, int replyCode, String replyText, int classId, int methodId) {
        public static Failure channel(int replyCode, String replyText, int classId, int methodId) {
            return new Failure(Scope.CHANNEL, replyCode, replyText, classId, methodId);
        }

        public static Failure connection(int replyCode, String replyText, int classId, int methodId) {
            return new Failure(Scope.CONNECTION, replyCode, replyText, classId, methodId);
        }
    }

    public enum Scope { CHANNEL, CONNECTION }

    @FunctionalInterface
    public interface Op {
        void run() throws Exception;
    }

    /**
     * Runs {@code op} on {@code channel} and returns how the broker closed the channel or the
     * connection because of it. Synchronous methods fail at once; asynchronous ones (publish,
     * ack) are followed by waiting for the close. Also checks the aftermath: after a channel
     * error the connection still answers on a new channel; after a connection error it is closed.
     */
    public static Failure failure(Channel channel, Op op) {
        try {
            op.run();
        } catch (IOException | ShutdownSignalException expected) {
            // the close reason is read from the channel below
        } catch (Exception e) {
            throw new AssertionError("expected the broker to close the channel, got " + e, e);
        }
        await("the broker to close the channel").atMost(PATIENCE).until(() -> !channel.isOpen());
        ShutdownSignalException signal = channel.getCloseReason();
        assertThat(signal.isInitiatedByApplication()).as("closed by the broker: " + signal).isFalse();
        Failure failure = failureOf(signal);
        Connection connection = channel.getConnection();
        if (failure.scope() == Scope.CHANNEL) {
            assertThat(signal.isHardError()).isFalse();
            assertUsable(connection);
        } else {
            await("the connection to close").atMost(PATIENCE).until(() -> !connection.isOpen());
        }
        return failure;
    }

    public static Failure failureOf(ShutdownSignalException signal) {
        Method reason = signal.getReason();
        if (reason instanceof AMQP.Channel.Close close) {
            return Failure.channel(close.getReplyCode(), close.getReplyText(), close.getClassId(), close.getMethodId());
        }
        if (reason instanceof AMQP.Connection.Close close) {
            return Failure.connection(close.getReplyCode(), close.getReplyText(), close.getClassId(), close.getMethodId());
        }
        return fail("closed without a channel.close or connection.close: " + signal);
    }

    /** The connection is open and answers a synchronous method on a new channel. */
    public static void assertUsable(Connection connection) {
        assertThat(connection.isOpen()).as("connection still open").isTrue();
        try {
            Channel probe = connection.createChannel();
            probe.exchangeDeclarePassive("amq.direct");
            probe.close();
        } catch (Exception e) {
            throw new AssertionError("connection no longer usable: " + e, e);
        }
    }

    /**
     * A synchronous round trip on {@code channel}: whatever the broker sent on it before the
     * reply (deliveries, returns, confirms) has been received by the client afterwards.
     */
    static void roundTrip(Channel channel) throws IOException {
        channel.exchangeDeclarePassive("amq.direct");
    }

    /** After a round trip, give the broker a short, bounded time to (wrongly) do something. */
    static void settle(Channel channel) throws IOException, InterruptedException {
        roundTrip(channel);
        Thread.sleep(SILENCE.toMillis());
    }

    static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String text(byte[] body) {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
}
