package io.mensajero.scenarios.wire;

import io.mensajero.protocol.Connection;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Until the server has accepted connection.tune-ok (RabbitMQ's connection states starting and
 * tuning), errors get no reply. A tune-ok outside the server's limits (frame-max above the
 * server's, below 4096 or 0 = unlimited; channel-max above the server's or 0 = unlimited), a bad
 * frame in tune-ok, or another method instead of start-ok: RabbitMQ 3.10 sends no connection.close
 * (the connection is not open yet, so it does not trust the client) and drops the socket after
 * about 3 s (its silent close delay, which slows down clients that retry in a loop). The client here
 * pipelines connection.open after tune-ok, as amqp-client does. Until tune-ok the largest frame
 * payload is the spec's frame-min, 4096 octets, so a bigger start-ok is such an error too. Errors
 * after tune-ok: see
 * {@link OnlyConnectionOpenFollowsTuneOk}.
 *
 * <p>Every case waits out that delay, so the cases run side by side, each on its own connection
 * ({@link Concurrently}): one broker's nine cases take about 3 s instead of 27. A failure names its
 * case.
 */
class HandshakeErrorsCloseTheSocketSilently {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @EachBroker
    void everyHandshakeErrorClosesTheSocketSilently(BrokerUnderTest broker) {
        Concurrently.run(java.util.Map.of(
                "frame-max above the server's", () -> frameMaxAboveTheServers(broker),
                "frame-max below the minimum", () -> frameMaxBelowTheMinimum(broker),
                "frame-max 0 when the server has a limit", () -> frameMaxZeroWhenTheServerHasALimit(broker),
                "channel-max above the server's", () -> channelMaxAboveTheServers(broker),
                "channel-max 0 when the server has a limit", () -> channelMaxZeroWhenTheServerHasALimit(broker),
                "a bad frame-end in tune-ok", () -> badFrameEndInTuneOk(broker),
                "another method instead of start-ok", () -> anotherMethodInsteadOfStartOk(broker),
                "a start-ok larger than frame-min", () -> startOkLargerThanFrameMin(broker),
                "the socket is closed only after a delay", () -> theSocketIsClosedOnlyAfterADelay(broker)));
    }

    private static void frameMaxAboveTheServers(BrokerUnderTest broker) throws IOException {
        assertTuneOkClosesSilently(broker, tune -> new RawConnection.Tuning(tune.channelMax(), tune.frameMax() + 1, 0));
    }

    private static void frameMaxBelowTheMinimum(BrokerUnderTest broker) throws IOException {
        assertTuneOkClosesSilently(broker, tune -> new RawConnection.Tuning(tune.channelMax(), 4095, 0));
    }

    private static void frameMaxZeroWhenTheServerHasALimit(BrokerUnderTest broker) throws IOException {
        assertTuneOkClosesSilently(broker, tune -> new RawConnection.Tuning(tune.channelMax(), 0, 0));
    }

    private static void channelMaxAboveTheServers(BrokerUnderTest broker) throws IOException {
        assertTuneOkClosesSilently(broker, tune -> new RawConnection.Tuning(tune.channelMax() + 1, tune.frameMax(), 0));
    }

    private static void channelMaxZeroWhenTheServerHasALimit(BrokerUnderTest broker) throws IOException {
        assertTuneOkClosesSilently(broker, tune -> new RawConnection.Tuning(0, tune.frameMax(), 0));
    }

    private static void badFrameEndInTuneOk(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.to(broker)) {
            raw.sendProtocolHeader();
            Connection.Tune tune = raw.startOk();
            byte[] tuneOk = RawFrames.methodPayload(new Connection.TuneOk(tune.channelMax(), tune.frameMax(), 0));
            raw.sendBytes(RawFrames.frame(1, 0, tuneOk, 0));
            raw.expectClosedSilently(PATIENCE);
        }
    }

    private static void anotherMethodInsteadOfStartOk(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.to(broker)) {
            raw.sendProtocolHeader();
            raw.expectMethod(0, Connection.Start.class);
            raw.send(0, new Connection.Open("/"));
            raw.expectClosedSilently(PATIENCE);
        }
    }

    /** Before tune-ok the frame-max is the spec's frame-min, 4096: a bigger start-ok is a frame error. */
    private static void startOkLargerThanFrameMin(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.to(broker)) {
            raw.sendProtocolHeader();
            raw.expectMethod(0, Connection.Start.class);
            raw.sendBytes(startOkFrame(4097));
            raw.expectClosedSilently(PATIENCE);
        }
    }

    @EachBroker
    void startOkOfExactlyFrameMinIsAccepted(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.to(broker)) {
            raw.sendProtocolHeader();
            raw.expectMethod(0, Connection.Start.class);
            raw.sendBytes(startOkFrame(4096));
            Connection.Tune tune = raw.expectMethod(0, Connection.Tune.class);
            raw.tuneOk(RawConnection.Tuning.accept(tune));
            raw.open();
        }
    }

    /** A start-ok (PLAIN guest/guest) whose frame payload is exactly {@code payload} octets, padded in a client property. */
    private static byte[] startOkFrame(int payload) {
        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>(RawConnection.clientProperties());
        byte[] response = "\0guest\0guest".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int bare = RawFrames.frameOf(0, new Connection.StartOk(properties, "PLAIN", response, "en_US")).length - 8;
        // one more table entry: key length (1) + key "x" (1) + type 'S' (1) + string length (4) + the padding
        properties.put("x", "y".repeat(payload - bare - 7));
        byte[] frame = RawFrames.frameOf(0, new Connection.StartOk(properties, "PLAIN", response, "en_US"));
        assertThat(frame.length - 8).as("start-ok payload").isEqualTo(payload);
        return frame;
    }

    private static void theSocketIsClosedOnlyAfterADelay(BrokerUnderTest broker) throws IOException {
        try (RawConnection raw = RawConnection.to(broker)) {
            raw.sendProtocolHeader();
            Connection.Tune tune = raw.startOk();
            long start = System.nanoTime();
            raw.tuneOk(new RawConnection.Tuning(tune.channelMax(), tune.frameMax() + 1, 0));
            raw.send(0, new Connection.Open("/"));
            raw.expectClosedByPeer(PATIENCE);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("[" + broker.name() + "] silent close after a refused tune-ok: " + millis + " ms");
            assertThat(millis).as("ms from tune-ok to the socket closed (RabbitMQ waits about 3000)").isGreaterThanOrEqualTo(2_000);
        }
    }

    private interface Proposal {
        RawConnection.Tuning of(Connection.Tune tune);
    }

    private static void assertTuneOkClosesSilently(BrokerUnderTest broker, Proposal proposal) throws IOException {
        try (RawConnection raw = RawConnection.to(broker)) {
            raw.sendProtocolHeader();
            Connection.Tune tune = raw.startOk();
            raw.tuneOk(proposal.of(tune));
            raw.send(0, new Connection.Open("/"));
            raw.expectClosedSilently(PATIENCE);
        }
    }
}
