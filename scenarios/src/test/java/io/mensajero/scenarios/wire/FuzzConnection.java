package io.mensajero.scenarios.wire;

import io.mensajero.protocol.AmqpConstants;
import io.mensajero.protocol.Connection;
import io.mensajero.protocol.Frame;
import io.mensajero.protocol.MethodFrame;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Plays one {@link FuzzCase} against a broker and tells what the broker did. Cases that end with the
 * broker's connection.close are answered with close-ok and left for {@link #awaitEof()}, which checks
 * that the broker then closes the socket: a broker may keep it open for a grace period (RabbitMQ does
 * after fatal frame errors), so the wait for EOF is done for a whole batch at once.
 */
final class FuzzConnection {
    /** How the broker answered. */
    enum Verdict {
        /** The protocol header was sent back and the socket closed (header garbage). */
        HEADER_RETURNED,
        /** connection.close from the broker. */
        CLOSED,
        /** connection.close-ok: the random octets happened to hold a well-formed connection.close. */
        CLOSE_OK,
        /** The socket closed without connection.close. */
        DROPPED
    }

    static final Duration ANSWER = Duration.ofSeconds(1);
    static final Duration EOF_PATIENCE = Duration.ofSeconds(15);
    /** The least time given to a read, so that an end of stream already there is always seen. */
    private static final long MIN_READ_NANOS = Duration.ofMillis(50).toNanos();

    final FuzzCase fuzzCase;
    private RawConnection raw;
    private Verdict verdict;
    private int replyCode;
    private long eofDeadline;

    private FuzzConnection(FuzzCase fuzzCase) {
        this.fuzzCase = fuzzCase;
    }

    /** Connects, misbehaves as the case says, and reads the broker's first answer. */
    static FuzzConnection play(FuzzCase fuzzCase, int port) throws IOException {
        FuzzConnection run = new FuzzConnection(fuzzCase);
        run.raw = RawConnection.connect("127.0.0.1", port);
        try {
            run.play();
        } catch (IOException | RuntimeException | Error e) {
            run.raw.close();
            throw e;
        }
        return run;
    }

    private void play() throws IOException {
        if (fuzzCase.beforeHandshake()) {
            raw.sendBytes(fuzzCase.bytes());
            byte[] answer = raw.expectClosedByPeer(EOF_PATIENCE);
            if (!Arrays.equals(answer, AmqpConstants.PROTOCOL_HEADER)) {
                throw new AssertionError(fuzzCase + ": expected AMQP 0 0 9 1 back, got " + HexFormat.of().formatHex(answer));
            }
            finish(Verdict.HEADER_RETURNED);
            return;
        }
        raw.sendProtocolHeader();
        if (fuzzCase.duringHandshake()) {
            raw.expectMethod(0, Connection.Start.class);
        } else {
            Connection.Tune tune = raw.startOk();
            raw.tuneOk(new RawConnection.Tuning(tune.channelMax(), FuzzCase.FRAME_MAX, 0));
            raw.open();
            raw.openChannel(1);
        }
        raw.sendQuietly(fuzzCase.bytes());
        if (fuzzCase.halfCloses()) {
            raw.shutdownOutput();
            awaitEofLater();
            return;
        }
        // Zero octets complete any frame left pending (frame-max 4096) and then make a bad frame-end.
        raw.sendQuietly(new byte[FuzzCase.FRAME_MAX + 64]);
        if (!readAnswer() && !fuzzCase.duringHandshake()) {
            raw.sendQuietly(new byte[140_000]); // a frame-max of the server's default, in case it still applies
        }
        if (verdict == null && !readAnswer()) {
            verdict = Verdict.DROPPED; // nothing said yet: it must still close the socket, see awaitEof
            awaitEofLater();
        }
    }

    /** True once the broker has closed, answered close-ok or sent connection.close. */
    private boolean readAnswer() throws IOException {
        long deadline = System.nanoTime() + ANSWER.toNanos();
        while (true) {
            Frame frame;
            try {
                frame = raw.readFrame(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (RawConnection.PeerClosed closed) {
                finish(Verdict.DROPPED);
                return true;
            } catch (RawConnection.NoFrameInTime quiet) {
                return false;
            }
            if (frame instanceof MethodFrame m && m.method() instanceof Connection.Close close) {
                closedWith(close);
                return true;
            }
            if (frame instanceof MethodFrame m && m.method() instanceof Connection.CloseOk) {
                finish(Verdict.CLOSE_OK);
                return true;
            }
        }
    }

    private void closedWith(Connection.Close close) {
        verdict = Verdict.CLOSED;
        replyCode = close.replyCode();
        raw.sendQuietly(RawFrames.frameOf(0, new Connection.CloseOk()));
        awaitEofLater();
    }

    private void awaitEofLater() {
        eofDeadline = System.nanoTime() + EOF_PATIENCE.toNanos();
    }

    private void finish(Verdict how) {
        verdict = how;
        raw.close();
        raw = null;
    }

    /** Whether {@link #awaitEof()} is still to be called. */
    boolean awaitingEof() {
        return raw != null;
    }

    /**
     * Reads until the broker closes the socket, within 15 s of the first answer; a connection.close
     * arriving meanwhile counts as the answer. Fails if the socket is still open then.
     */
    void awaitEof() throws IOException {
        try {
            while (true) {
                Frame frame = raw.readFrame(Duration.ofNanos(Math.max(MIN_READ_NANOS, eofDeadline - System.nanoTime())));
                if (frame instanceof MethodFrame m && m.method() instanceof Connection.Close close && verdict != Verdict.CLOSED) {
                    closedWith(close);
                }
            }
        } catch (RawConnection.PeerClosed closed) {
            if (verdict == null) {
                verdict = Verdict.DROPPED;
            }
        } catch (RawConnection.NoFrameInTime open) {
            throw new AssertionError(fuzzCase + ": the broker left the connection open (answer so far: " + verdict + " "
                    + replyCode + ")");
        } finally {
            raw.close();
            raw = null;
        }
    }

    Verdict verdict() {
        return verdict;
    }

    int replyCode() {
        return replyCode;
    }

    /** Checks the answer against what the case allows; call once {@link #awaitingEof()} is false. */
    void assertAcceptable() {
        FuzzCase c = fuzzCase;
        String what = c + " answered " + verdict + (verdict == Verdict.CLOSED ? " " + replyCode : "");
        switch (c.kind()) {
            case HEADER_GARBAGE -> check(verdict == Verdict.HEADER_RETURNED, what);
            case TRUNCATED_FRAME -> check(verdict != Verdict.CLOSED || isHardError(replyCode), what);
            case OVERSIZED_FRAME -> check(verdict == Verdict.CLOSED && replyCode == 501, what);
            default -> check(verdict == Verdict.CLOSED ? isHardError(replyCode)
                    : verdict == Verdict.CLOSE_OK || verdict == Verdict.DROPPED && c.mayBeDroppedSilently(), what);
        }
    }

    private static boolean isHardError(int code) {
        return code >= 500 && code <= 599;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    /** Closes the socket whatever state it is in. */
    void abandon() {
        if (raw != null) {
            raw.close();
            raw = null;
        }
    }
}
