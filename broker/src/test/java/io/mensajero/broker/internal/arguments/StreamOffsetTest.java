package io.mensajero.broker.internal.arguments;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.protocol.LongString;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StreamOffsetTest {
    private static final String Q = "queue 'q' in vhost '/'";
    private static final long NOW = 1_700_000_000_000L;

    private static StreamOffset parse(Object v) {
        return StreamOffset.parse(Q, v, NOW);
    }

    private static String refusal(Object v) {
        AmqpException e = catchThrowableOfType(AmqpException.class, () -> parse(v));
        assertThat(e.replyCode().code()).isEqualTo(406);
        assertThat(e.isConnectionError()).isFalse();
        return e.getMessage();
    }

    @Test
    void namesOffsetsTimesAndIntervals() {
        assertThat(parse(null)).isEqualTo(StreamOffset.NEXT);
        assertThat(parse(LongString.of("first")).kind()).isEqualTo(StreamOffset.Kind.FIRST);
        assertThat(parse("last").kind()).isEqualTo(StreamOffset.Kind.LAST);
        assertThat(parse(LongString.of("next"))).isEqualTo(StreamOffset.NEXT);
        assertThat(parse(7)).isEqualTo(new StreamOffset(StreamOffset.Kind.OFFSET, 7));
        assertThat(parse((byte) 2)).isEqualTo(new StreamOffset(StreamOffset.Kind.OFFSET, 2));
        assertThat(parse(12L)).isEqualTo(new StreamOffset(StreamOffset.Kind.OFFSET, 12));
        assertThat(parse(Instant.ofEpochSecond(1_600_000_000L)))
                .isEqualTo(new StreamOffset(StreamOffset.Kind.TIMESTAMP, 1_600_000_000_000L));
        assertThat(parse(LongString.of("1h"))).isEqualTo(new StreamOffset(StreamOffset.Kind.TIMESTAMP, NOW - 3_600_000));
        assertThat(parse(LongString.of("30s"))).isEqualTo(new StreamOffset(StreamOffset.Kind.TIMESTAMP, NOW - 30_000));
    }

    @Test
    void stringsThatStartWithADigitAreRefusedWithRabbitMqsText() {
        assertThat(refusal(LongString.of("0")))
                .isEqualTo("invalid arg 'x-stream-offset' for " + Q + ": {invalid_stream_offset_arg,{longstr,<<\"0\">>}}");
        assertThat(refusal(LongString.of("10x"))).endsWith(": {invalid_stream_offset_arg,{longstr,<<\"10x\">>}}");
        assertThat(refusal(LongString.of("1\"b"))).endsWith(": {invalid_stream_offset_arg,{longstr,<<\"1\\\"b\">>}}");
        assertThat(refusal(LongString.of(new byte[] {'1', 2}))).endsWith(": {invalid_stream_offset_arg,{longstr,<<49,2>>}}");
    }

    @Test
    void whereRabbitMqFailsTheConnectionIsClosedWithAnInternalError() {
        for (Object v : new Object[] {LongString.of("firs"), LongString.of("h"), LongString.of(""), true, 1.5,
                Map.of(), List.of()}) {
            AmqpException e = catchThrowableOfType(AmqpException.class, () -> parse(v));
            assertThat(e.replyCode().code()).as(String.valueOf(v)).isEqualTo(541);
            assertThat(e.isConnectionError()).isTrue();
            assertThat(e.replyText()).isEqualTo("INTERNAL_ERROR");
        }
    }
}
