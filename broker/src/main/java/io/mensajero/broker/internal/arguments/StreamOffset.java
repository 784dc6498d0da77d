package io.mensajero.broker.internal.arguments;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.protocol.LongString;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Where a stream consumer starts: basic.consume's {@code x-stream-offset} as RabbitMQ 3.10 reads
 * it. None means {@code next}; {@code first}, {@code last} and {@code next} by name; an integer of
 * any width is an offset; an AMQP timestamp (seconds) a point in time; any other string an
 * interval back from now as x-max-age writes it ({@code 1h}, {@code 30m}, {@code 7D}). Other
 * strings that start with a digit are refused with RabbitMQ's 406 text; where RabbitMQ's code
 * fails instead (a string with no leading digit, a boolean, a float, a table...) the connection is
 * closed with 541 INTERNAL_ERROR, as RabbitMQ 3.10 closes it.
 *
 * @param kind  which of the above
 * @param value the offset (OFFSET) or the time in epoch milliseconds (TIMESTAMP), else 0
 */
public record StreamOffset(Kind kind, long value) {
    /** The kinds of start. */
    public enum Kind { FIRST, LAST, NEXT, OFFSET, TIMESTAMP }

    public static final StreamOffset NEXT = new StreamOffset(Kind.NEXT, 0);

    /**
     * Reads the argument; {@code nowMillis} is the wall clock an interval counts back from.
     *
     * @param queue how texts name the queue: {@code queue 'q' in vhost '/'}
     */
    public static StreamOffset parse(String queue, Object value, long nowMillis) {
        if (value == null) {
            return NEXT;
        }
        if (FieldTypes.isText(value)) {
            String s = value.toString();
            switch (s) {
                case "first":
                    return new StreamOffset(Kind.FIRST, 0);
                case "last":
                    return new StreamOffset(Kind.LAST, 0);
                case "next":
                    return NEXT;
                default:
                    long ms = QueueArguments.maxAgeMillis(s);
                    if (ms > 0) {
                        return new StreamOffset(Kind.TIMESTAMP, nowMillis - ms);
                    }
                    if (s.isEmpty() || s.charAt(0) < '0' || s.charAt(0) > '9') {
                        throw AmqpException.internalError();
                    }
                    throw AmqpException.preconditionFailed("invalid arg 'x-stream-offset' for %s: %s", queue,
                            ErlangTerm.tuple("invalid_stream_offset_arg", typed(value)));
            }
        }
        if (value instanceof Instant t) {
            return new StreamOffset(Kind.TIMESTAMP, t.getEpochSecond() * 1000);
        }
        if (FieldTypes.isInteger(value)) {
            return new StreamOffset(Kind.OFFSET, ((Number) value).longValue());
        }
        throw AmqpException.internalError();
    }

    /** A string argument as RabbitMQ prints it: {@code {longstr,<<"0">>}}. */
    private static String typed(Object value) {
        byte[] bytes = value instanceof LongString l ? l.bytes() : value.toString().getBytes(StandardCharsets.UTF_8);
        return "{longstr," + binary(bytes) + "}";
    }

    /** An Erlang binary as ~p prints it: {@code <<"text">>} when printable, else its bytes. */
    private static String binary(byte[] bytes) {
        boolean printable = true;
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7E) {
                printable = false;
                break;
            }
        }
        if (printable) {
            return "<<" + ErlangTerm.string(new String(bytes, StandardCharsets.US_ASCII)) + ">>";
        }
        StringBuilder sb = new StringBuilder("<<");
        for (int i = 0; i < bytes.length; i++) {
            sb.append(i == 0 ? "" : ",").append(bytes[i] & 0xFF);
        }
        return sb.append(">>").toString();
    }
}
