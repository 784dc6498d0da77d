package io.mensajero.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyCodeTest {

    @Test
    void everyCodeOfTheSpecWithItsHardness() {
        assertThat(Arrays.stream(ReplyCode.values()).map(ReplyCode::code))
                .containsExactly(200, 311, 312, 313, 320, 402, 403, 404, 405, 406, 501, 502, 503, 504,
                        505, 506, 530, 540, 541);
        List<Integer> hard = Arrays.stream(ReplyCode.values()).filter(ReplyCode::isHardError)
                .map(ReplyCode::code).toList();
        assertThat(hard).containsExactly(320, 402, 501, 502, 503, 504, 505, 506, 530, 540, 541);
    }

    @Test
    void ofFindsTheCodeOrRefusesUnknownOnes() {
        for (ReplyCode c : ReplyCode.values()) {
            assertThat(ReplyCode.of(c.code())).isSameAs(c);
        }
        assertThatThrownBy(() -> ReplyCode.of(999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999");
    }

    @Test
    void protocolExceptionCarriesWhatConnectionCloseNeeds() {
        ProtocolException e = new ProtocolException(ReplyCode.COMMAND_INVALID, "unknown", 60, 99);
        assertThat(e.replyCode()).isEqualTo(ReplyCode.COMMAND_INVALID);
        assertThat(e.text()).isEqualTo("unknown");
        assertThat(e.replyText()).isEqualTo("COMMAND_INVALID - unknown");
        assertThat(e.classId()).isEqualTo(60);
        assertThat(e.methodId()).isEqualTo(99);
        assertThat(e.abortsConnection()).isFalse();
        ProtocolException plain = new ProtocolException(ReplyCode.FRAME_ERROR, "x");
        assertThat(plain.classId()).isZero();
        assertThat(plain.methodId()).isZero();
    }

    @Test
    void constantsAreTheSpecs() {
        assertThat(AmqpConstants.FRAME_END).isEqualTo(206);
        assertThat(AmqpConstants.PROTOCOL_HEADER).containsExactly('A', 'M', 'Q', 'P', 0, 0, 9, 1);
        assertThat(AmqpConstants.FRAME_OVERHEAD - AmqpConstants.FRAME_HEADER_SIZE).isEqualTo(1);
    }
}
