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
    void anythingElseIsRefusedWithRabbitMqsText() {
        assertThat(refusal(LongString.of("0")))
                .isEqualTo("invalid arg 'x-stream-offset' for " + Q + ": {invalid_stream_offset_arg,{longstr,<<\"0\">>}}");
        assertThat(refusal(LongString.of("firs"))).endsWith(": {invalid_stream_offset_arg,{longstr,<<\"firs\">>}}");
        assertThat(refusal(LongString.of("a\"b"))).endsWith(": {invalid_stream_offset_arg,{longstr,<<\"a\\\"b\">>}}");
        assertThat(refusal(LongString.of(new byte[] {1, 2}))).endsWith(": {invalid_stream_offset_arg,{longstr,<<1,2>>}}");
        assertThat(refusal(true)).endsWith(": {invalid_stream_offset_arg,{bool,true}}");
        assertThat(refusal(1.5)).endsWith(": {invalid_stream_offset_arg,{double,1.5}}");
    }

    @Test
    void tablesAndArraysAreRefusedToo() {
        assertThat(refusal(Map.of())).contains("{invalid_stream_offset_arg,{table,");
        assertThat(refusal(List.of())).contains("{invalid_stream_offset_arg,{array,");
    }
}
