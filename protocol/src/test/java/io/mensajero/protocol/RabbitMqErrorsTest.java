package io.mensajero.protocol;

import static io.mensajero.protocol.FramesTest.frame;
import static io.mensajero.protocol.Values.bytes;
import static io.mensajero.protocol.Values.concat;
import static io.mensajero.protocol.Values.longStr;
import static io.mensajero.protocol.Values.shortStr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Bad frames and methods get the reply code and text RabbitMQ 3.10 gives them. The expected texts
 * were observed on a live RabbitMQ 3.10.8 by sending the same octets over a socket; the sources are
 * rabbit_reader.erl, rabbit_command_assembler.erl, rabbit_framing_amqp_0_9_1.erl and
 * rabbit_binary_parser.erl.
 */
class RabbitMqErrorsTest {

    static void assertProtocolError(ThrowingCallable call, ReplyCode code, String replyText) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.replyCode()).isEqualTo(code);
            assertThat(e.replyText()).isEqualTo(replyText);
        });
    }

    @Test
    void longUndecodableArgumentsAreCutAsRabbitMqCutsTheReplyText() {
        byte[] payload = concat(bytes(0, 85, 0, 10), new byte[200]);
        assertProtocolError(() -> Values.decode(payload), ReplyCode.FRAME_ERROR,
                "FRAME_ERROR - cannot decode <<" + "0,".repeat(111) + "...");
    }

    @Test
    void badEndOctetIsAFrameError() {
        ByteBuf in = Unpooled.buffer().writeByte(1).writeShort(1).writeInt(5)
                .writeBytes(bytes(0, 85, 0, 10, 0)).writeByte(0);
        assertProtocolError(() -> Frames.decode(in, 4096), ReplyCode.FRAME_ERROR,
                "FRAME_ERROR - type 1, all octets = <<0,85,0,10,0>>: {invalid_frame_end_marker,0}");
    }

    @Test
    void longPayloadWithBadEndOctetShowsItsFirst16Octets() {
        ByteBuf in = Unpooled.buffer().writeByte(3).writeShort(1).writeInt(300)
                .writeBytes("x".repeat(300).getBytes()).writeByte(0);
        assertProtocolError(() -> Frames.decode(in, 131072), ReplyCode.FRAME_ERROR,
                "FRAME_ERROR - type 3, first 16 octets = <<\"xxxxxxxxxxxxxxxx\">>: "
                        + "{invalid_frame_end_marker,0}");
    }

    @Test
    void unknownFrameTypeIsAFrameError() {
        assertProtocolError(() -> Frames.decode(frame(5, 1, "abc".getBytes()), 4096),
                ReplyCode.FRAME_ERROR, "FRAME_ERROR - type 5, all octets = <<\"abc\">>: unknown_frame");
    }

    @Test
    void framesThatCannotHoldTheirTypeAreUnknownFrames() {
        assertProtocolError(() -> Frames.decode(frame(1, 1, bytes(0)), 0), ReplyCode.FRAME_ERROR,
                "FRAME_ERROR - type 1, all octets = <<0>>: unknown_frame");
        assertProtocolError(() -> Frames.decode(frame(8, 0, "x".getBytes()), 0), ReplyCode.FRAME_ERROR,
                "FRAME_ERROR - type 8, all octets = <<\"x\">>: unknown_frame");
        assertProtocolError(() -> Frames.decode(frame(2, 1, bytes(0, 60, 0, 0)), 0),
                ReplyCode.FRAME_ERROR, "FRAME_ERROR - type 2, all octets = <<0,60,0,0>>: unknown_frame");
    }

    @Test
    void frameLargerThanFrameMaxIsAFrameErrorFromItsHeaderAlone() {
        ByteBuf header = Unpooled.buffer().writeByte(3).writeShort(1).writeInt(5000);
        assertProtocolError(() -> Frames.decode(header, 4096), ReplyCode.FRAME_ERROR,
                "FRAME_ERROR - type 3, all octets = <<>>: {frame_too_large,5000,4088}");
        // Like RabbitMQ, a payload of up to frame-max octets passes (FRAME_SIZE_FUDGE), one more fails.
        assertThat(Frames.decode(frame(3, 1, new byte[4096]), 4096)).isInstanceOf(BodyFrame.class);
        assertProtocolError(() -> Frames.decode(frame(3, 1, new byte[4097]), 4096),
                ReplyCode.FRAME_ERROR, "FRAME_ERROR - type 3, all octets = <<>>: {frame_too_large,4097,4088}");
        assertThat(Frames.decode(frame(3, 1, new byte[1 << 20]), 0)).isInstanceOf(BodyFrame.class);
    }

    @Test
    void truncatedMethodArgumentsAreAFrameErrorAsInRabbitMq() {
        ByteBuf in = frame(1, 1, bytes(0, 50, 0, 10, 0, 0, 5, 'a', 'b'));
        assertThatThrownBy(() -> Frames.decode(in, 0)).isInstanceOfSatisfying(ProtocolException.class,
                e -> {
                    assertThat(e.replyCode()).isEqualTo(ReplyCode.FRAME_ERROR);
                    assertThat(e.replyText()).isEqualTo("FRAME_ERROR - cannot decode <<0,0,5,97,98>>");
                    assertThat(e.classId()).isEqualTo(50);
                    assertThat(e.methodId()).isEqualTo(10);
                    assertThat(e.abortsConnection()).isFalse();
                });
    }

    @Test
    void everyTruncationOfEveryMethodIsAFrameError() {
        for (Method m : Samples.allMethods()) {
            byte[] payload = Values.encode(m);
            for (int n = 4; n < payload.length; n++) {
                byte[] cut = java.util.Arrays.copyOf(payload, n);
                assertThatThrownBy(() -> Values.decode(cut)).as("%s cut to %d", m.name(), n)
                        .isInstanceOfSatisfying(ProtocolException.class, e -> {
                            assertThat(e.replyCode()).isEqualTo(ReplyCode.FRAME_ERROR);
                            assertThat(e.text()).startsWith("cannot decode <<");
                            assertThat(e.classId()).isEqualTo(m.classId());
                        });
            }
        }
    }

    @Test
    void octetsAfterTheArgumentsAreAFrameErrorToo() {
        assertProtocolError(() -> Values.decode(bytes(0, 85, 0, 10, 0, 1, 2)), ReplyCode.FRAME_ERROR,
                "FRAME_ERROR - cannot decode <<0,1,2>>");
        assertProtocolError(() -> Values.decode(bytes(0, 85, 0, 10)), ReplyCode.FRAME_ERROR,
                "FRAME_ERROR - cannot decode <<>>");
    }

    @Test
    void unknownClassOrMethodAbortsTheConnectionAsRabbitMqDoes() {
        for (byte[] payload : List.of(bytes(0, 60, 0, 99), bytes(0, 99, 0, 10), bytes(0, 10, 0, 99),
                bytes(0xFF, 0xFF, 0xFF, 0xFF, 1, 2))) {
            assertThatThrownBy(() -> Values.decode(payload))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> {
                        assertThat(e.replyCode()).isEqualTo(ReplyCode.COMMAND_INVALID);
                        assertThat(e.abortsConnection()).isTrue();
                        assertThat(e.text()).startsWith("unknown method id {");
                    });
        }
    }

    @Test
    void badFieldTableAbortsTheConnectionAsRabbitMqDoes() {
        byte[] declare = concat(bytes(0, 50, 0, 10, 0, 0), shortStr(""), bytes(0),
                longStr(concat(shortStr("k"), bytes('Z', 'a', 'b', 'c'))));
        assertThatThrownBy(() -> Values.decode(declare)).isInstanceOfSatisfying(
                ProtocolException.class, e -> {
                    assertThat(e.replyCode()).isEqualTo(ReplyCode.SYNTAX_ERROR);
                    assertThat(e.abortsConnection()).isTrue();
                    assertThat(e.classId()).isEqualTo(50);
                    assertThat(e.methodId()).isEqualTo(10);
                });
        // A table cut short inside its own length is the same crash in RabbitMQ ...
        byte[] cutValue = concat(bytes(0, 50, 0, 10, 0, 0), shortStr(""), bytes(0),
                longStr(concat(shortStr("k"), bytes('I', 0))));
        assertThatThrownBy(() -> Values.decode(cutValue)).isInstanceOfSatisfying(
                ProtocolException.class, e -> assertThat(e.abortsConnection()).isTrue());
        // ... but octets after the method's arguments are found first: "cannot decode".
        byte[] badTableAndTrailing = concat(declare, bytes(9));
        assertThatThrownBy(() -> Values.decode(badTableAndTrailing)).isInstanceOfSatisfying(
                ProtocolException.class, e -> assertThat(e.replyCode()).isEqualTo(ReplyCode.FRAME_ERROR));
    }

    @Test
    void malformedUtf8IsCheckedOnlyInMethodsWithoutContent() {
        byte[] declare = concat(bytes(0, 50, 0, 10, 0, 0), bytes(2, 0xFF, 0xFE), bytes(0),
                longStr(new byte[0]));
        assertThatThrownBy(() -> Values.decode(declare)).isInstanceOfSatisfying(
                ProtocolException.class, e -> {
                    assertThat(e.replyText()).isEqualTo("FRAME_ERROR - Malformed UTF-8 in shortstr");
                    assertThat(e.classId()).isZero();
                    assertThat(e.methodId()).isZero();
                    assertThat(e.abortsConnection()).isFalse();
                });
        byte[] publish = concat(bytes(0, 60, 0, 40, 0, 0), shortStr(""), bytes(2, 0xFF, 'k'), bytes(0));
        assertThat(((Basic.Publish) Values.decode(publish)).routingKey()).hasSize(2).endsWith("k");
    }

    @Test
    void invalidUtf8InRoutingKeysTableKeysAndPropertiesKeepsItsOctets() {
        byte[] key = bytes(0xFF, 0xC3, 0x28, 0xE2, 0x82, 'k', 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80,
                0x80, 0xC0, 0xAF, 0xE2, 0x82, 0xAC);
        byte[] publish = concat(bytes(0, 60, 0, 40, 0, 0), shortStr(""), bytes(key.length), key,
                bytes(0));
        Basic.Publish decoded = (Basic.Publish) Values.decode(publish);
        assertThat(decoded.routingKey()).endsWith("€").contains("k");
        assertThat(Values.encode(decoded)).isEqualTo(publish);
        byte[] otherKey = key.clone();
        otherKey[0] = (byte) 0xFE;
        assertThat(((Basic.Publish) Values.decode(concat(bytes(0, 60, 0, 40, 0, 0), shortStr(""),
                bytes(key.length), otherKey, bytes(0)))).routingKey()).isNotEqualTo(decoded.routingKey());

        byte[] table = longStr(concat(bytes(key.length), key, bytes('t', 1)));
        io.netty.buffer.ByteBuf out = Unpooled.buffer();
        FieldTable.write(FieldTable.read(Unpooled.wrappedBuffer(table)), out);
        assertThat(Values.bytes(out)).isEqualTo(table);

        byte[] props = concat(bytes(0x02, 0x00), bytes(key.length), key);
        assertThat(BasicProperties.decode(props).encode()).isEqualTo(props);
        // 255 invalid octets stay 255 octets, still a valid shortstr.
        byte[] many = new byte[255];
        java.util.Arrays.fill(many, (byte) 0x80);
        byte[] deliver = concat(bytes(0, 60, 0, 60), bytes(255), many, bytes(0, 0, 0, 0, 0, 0, 0, 1),
                bytes(0), shortStr("e"), shortStr("r"));
        assertThat(Values.encode(Values.decode(deliver))).isEqualTo(deliver);
    }

    @Test
    void utf8IsJudgedAsRabbitMqJudgesIt() {
        // Accepted by xmerl_ucs:from_utf8: surrogates, code points up to 0x1FFFFF.
        for (int[] ok : new int[][] {{0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80},
                {0xF7, 0xBF, 0xBF, 0xBF}, {0xEF, 0xBF, 0xBE}, {0xC2, 0x80}, {0}}) {
            assertThat(Utf8.isErlangValid(Unpooled.wrappedBuffer(bytes(ok)), 0, ok.length)).isTrue();
        }
        // Refused: overlong forms, stray continuation octets, five-octet forms, cut sequences.
        for (int[] bad : new int[][] {{0xC0, 0x80}, {0xC1, 0xBF}, {0xE0, 0x80, 0x80},
                {0xF0, 0x8F, 0xBF, 0xBF}, {0x80}, {0xF8, 0x88, 0x80, 0x80, 0x80}, {0xE0, 0xA0}, {0xFE}}) {
            assertThat(Utf8.isErlangValid(Unpooled.wrappedBuffer(bytes(bad)), 0, bad.length))
                    .isFalse();
        }
    }

    @Test
    void shapeErrorsComeBeforeUtf8ErrorsWhichComeBeforeTableErrors() {
        byte[] badUtf8AndTrailing = concat(bytes(0, 50, 0, 10, 0, 0), bytes(1, 0xFF), bytes(0),
                longStr(new byte[0]), bytes(0));
        assertProtocolError(() -> Values.decode(badUtf8AndTrailing), ReplyCode.FRAME_ERROR,
                "FRAME_ERROR - cannot decode <<0,0,1,255,0,0,0,0,0,0>>");
        byte[] badUtf8AndBadTable = concat(bytes(0, 50, 0, 10, 0, 0), bytes(1, 0xFF), bytes(0),
                longStr(concat(shortStr("k"), bytes('Z'))));
        assertProtocolError(() -> Values.decode(badUtf8AndBadTable), ReplyCode.FRAME_ERROR,
                "FRAME_ERROR - Malformed UTF-8 in shortstr");
    }

    /** The weight is kept for the broker, which knows the method and raises the 505 with its ids. */
    @Test
    void headerFrameKeepsItsWeight() {
        ByteBuf in = frame(2, 1, bytes(0, 60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(Frames.decode(in, 0)).isEqualTo(new HeaderFrame(1, 60, 1, 0, new byte[] {0, 0}));
    }

    @Test
    void replyTextsAreCutAt255OctetsAsRabbitMqCutsThem() {
        ProtocolException e = new ProtocolException(ReplyCode.NOT_FOUND, "ü".repeat(200));
        byte[] text = e.replyText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.length).isLessThanOrEqualTo(255).isGreaterThanOrEqualTo(253);
        assertThat(e.replyText()).startsWith("NOT_FOUND - üü").endsWith("ü...");
        assertThat(new ProtocolException(ReplyCode.INTERNAL_ERROR, "").replyText())
                .isEqualTo("INTERNAL_ERROR");
        assertThat(new ProtocolException(ReplyCode.CHANNEL_ERROR, "x", 60, 40).getMessage())
                .isEqualTo("CHANNEL_ERROR - x");
    }
}
