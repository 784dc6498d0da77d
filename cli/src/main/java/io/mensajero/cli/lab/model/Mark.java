package io.mensajero.cli.lab.model;

import java.util.Objects;

/**
 * One thing that happened on a lane, {@code at} milliseconds after the scenario started.
 * {@code value} is the delivery's or message's number within its participant (seq), a queue
 * depth or an exit code, depending on the kind; {@code detail} a signal name, a queue name or an
 * error text.
 */
public record Mark(String lane, long at, MarkKind kind, String body, String correlationId, boolean redelivered,
                   long value, String detail) {

    public Mark {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(kind, "kind");
    }

    public static Mark of(String lane, long at, MarkKind kind) {
        return new Mark(lane, at, kind, null, null, false, 0, null);
    }

    public static Mark message(String lane, long at, MarkKind kind, String body, String correlationId, long seq) {
        return new Mark(lane, at, kind, body, correlationId, false, seq, null);
    }

    public static Mark received(String lane, long at, String body, String correlationId, long seq, boolean redelivered) {
        return new Mark(lane, at, MarkKind.RECEIVED, body, correlationId, redelivered, seq, null);
    }

    /** A delivery that carries an x-death history ({@code detail}: "queue reason ×count, ..."). */
    public static Mark deadLetter(String lane, long at, String body, String correlationId, long seq, String deaths) {
        return new Mark(lane, at, MarkKind.RECEIVED, body, correlationId, false, seq, deaths);
    }

    public static Mark lost(String lane, long at, String body, String correlationId) {
        return new Mark(lane, at, MarkKind.LOST, body, correlationId, false, 0, null);
    }

    public static Mark signal(String lane, long at, String signal) {
        return new Mark(lane, at, MarkKind.SIGNAL, null, null, false, 0, signal);
    }

    public static Mark exited(String lane, long at, int code) {
        return new Mark(lane, at, MarkKind.EXITED, null, null, false, code, null);
    }

    public static Mark failed(String lane, long at, String error) {
        return new Mark(lane, at, MarkKind.FAILED, null, null, false, 0, error);
    }

    /** A connection or node mark: {@code address} is host:port, {@code value} a duration (ms) or 0. */
    public static Mark address(String lane, long at, MarkKind kind, String address, long value) {
        return new Mark(lane, at, kind, null, null, false, value, address);
    }

    public static Mark depth(String lane, long at, String queue, long ready) {
        return new Mark(lane, at, MarkKind.DEPTH, null, null, false, ready, queue);
    }

    /** True for the marks that settle a delivery: acked or done. */
    public boolean settles() {
        return kind == MarkKind.ACKED || kind == MarkKind.DONE;
    }
}
