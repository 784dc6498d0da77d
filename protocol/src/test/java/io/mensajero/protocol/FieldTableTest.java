package io.mensajero.protocol;

import static io.mensajero.protocol.Values.bytes;
import static io.mensajero.protocol.Values.concat;
import static io.mensajero.protocol.Values.longStr;
import static io.mensajero.protocol.Values.normalize;
import static io.mensajero.protocol.Values.shortStr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldTableTest {

    static Map<String, Object> roundTrip(Map<String, ?> table) {
        ByteBuf buf = Unpooled.buffer();
        FieldTable.write(table, buf);
        Map<String, Object> read = FieldTable.read(buf);
        assertThat(buf.isReadable()).isFalse();
        return read;
    }

    static Map<String, Object> read(byte[] entries) {
        return FieldTable.read(Unpooled.wrappedBuffer(longStr(entries)));
    }

    @Test
    void everyValueTypeNestedTablesAndArraysSurviveARoundTrip() {
        Map<String, Object> table = Samples.richTable();

        Map<String, Object> read = roundTrip(table);

        assertThat(normalize(read)).isEqualTo(normalize(table));
        assertThat(Values.keys(read)).isEqualTo(Values.keys(table));
        assertThat(read.get("table")).isInstanceOf(LinkedHashMap.class);
        assertThat(read.get("array")).isInstanceOf(List.class);
    }

    @Test
    void everyTypeRabbitMqAcceptsIsReadToTheDocumentedJavaType() {
        byte[] entries = concat(
                shortStr("t"), bytes('t', 2),
                shortStr("b"), bytes('b', 0xFF),
                shortStr("B"), bytes('B', 0xFF),
                shortStr("s"), bytes('s', 0x80, 0x00),
                shortStr("u"), bytes('u', 0xFF, 0xFF),
                shortStr("I"), bytes('I', 0xFF, 0xFF, 0xFF, 0xFE),
                shortStr("i"), bytes('i', 0xFF, 0xFF, 0xFF, 0xFF),
                shortStr("l"), bytes('l', 0x80, 0, 0, 0, 0, 0, 0, 1),
                shortStr("L"), bytes('L', 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF),
                shortStr("f"), bytes('f', 0x3F, 0xC0, 0, 0),
                shortStr("d"), bytes('d', 0xC0, 0x04, 0, 0, 0, 0, 0, 0),
                shortStr("D"), bytes('D', 2, 0xFF, 0xFF, 0xFF, 0x85),
                shortStr("S"), bytes('S', 0, 0, 0, 3, 'a', 0xC3, 0xA9),
                shortStr("T"), bytes('T', 0, 0, 0, 0, 0x65, 0x53, 0xF1, 0x00),
                shortStr("x"), bytes('x', 0, 0, 0, 2, 0xCE, 0),
                shortStr("V"), bytes('V'),
                shortStr("A"), bytes('A', 0, 0, 0, 7, 'b', 1, 'I', 0, 0, 0, 2),
                shortStr("F"), bytes('F', 0, 0, 0, 4, 1, 'k', 't', 0));

        Map<String, Object> t = read(entries);

        assertThat(t.get("t")).isEqualTo(true);
        assertThat(t.get("b")).isEqualTo((byte) -1);
        assertThat(t.get("B")).isEqualTo(255);
        assertThat(t.get("s")).isEqualTo((short) -32768);
        assertThat(t.get("u")).isEqualTo(65535);
        assertThat(t.get("I")).isEqualTo(-2);
        assertThat(t.get("i")).isEqualTo(0xFFFFFFFFL);
        assertThat(t.get("l")).isEqualTo(Long.MIN_VALUE + 1);
        assertThat(t.get("L")).isEqualTo(-1L);
        assertThat(t.get("f")).isEqualTo(1.5f);
        assertThat(t.get("d")).isEqualTo(-2.5);
        assertThat(t.get("D")).isEqualTo(new BigDecimal(BigInteger.valueOf(-123), 2));
        assertThat(t.get("S")).isEqualTo(LongString.of("aé"));
        assertThat(t.get("T")).isEqualTo(Instant.ofEpochSecond(0x6553F100L));
        assertThat((byte[]) t.get("x")).containsExactly(0xCE, 0);
        assertThat(t).containsEntry("V", null);
        assertThat(t.get("A")).isEqualTo(List.of((byte) 1, 2));
        assertThat(t.get("F")).isEqualTo(Map.of("k", false));
        assertThat(Values.keys(t)).containsExactly("t", "b", "B", "s", "u", "I", "i", "l", "L", "f",
                "d", "D", "S", "T", "x", "V", "A", "F");
    }

    @Test
    void timestampsBeyondInstantsRangeAreReadAsLong() {
        Map<String, Object> t = read(concat(shortStr("T"), bytes('T', 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                0xFF, 0xFF, 0xFE), shortStr("max"), bytes('T', 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                0xFF)));
        assertThat(t.get("T")).isEqualTo(Instant.ofEpochSecond(-2));
        assertThat(t.get("max")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void javaTypesAreWrittenAsDocumented() {
        assertThat(written("s")).isEqualTo(bytes('S', 0, 0, 0, 1, 's'));
        assertThat(written(LongString.of(new byte[] {(byte) 0xFF}))).isEqualTo(bytes('S', 0, 0, 0, 1, 0xFF));
        assertThat(written(true)).isEqualTo(bytes('t', 1));
        assertThat(written((byte) -2)).isEqualTo(bytes('b', 0xFE));
        assertThat(written((short) 258)).isEqualTo(bytes('s', 1, 2));
        assertThat(written(258)).isEqualTo(bytes('I', 0, 0, 1, 2));
        assertThat(written(258L)).isEqualTo(bytes('l', 0, 0, 0, 0, 0, 0, 1, 2));
        assertThat(written(1.5f)).isEqualTo(bytes('f', 0x3F, 0xC0, 0, 0));
        assertThat(written(-2.5)).isEqualTo(bytes('d', 0xC0, 0x04, 0, 0, 0, 0, 0, 0));
        assertThat(written(new BigDecimal("-1.23"))).isEqualTo(bytes('D', 2, 0xFF, 0xFF, 0xFF, 0x85));
        assertThat(written(Instant.ofEpochSecond(258, 999_000_000)))
                .isEqualTo(bytes('T', 0, 0, 0, 0, 0, 0, 1, 2));
        assertThat(written(new Date(258_999L))).isEqualTo(bytes('T', 0, 0, 0, 0, 0, 0, 1, 2));
        assertThat(written(new byte[] {7})).isEqualTo(bytes('x', 0, 0, 0, 1, 7));
        assertThat(written(null)).isEqualTo(bytes('V'));
        assertThat(written(List.of(1))).isEqualTo(bytes('A', 0, 0, 0, 5, 'I', 0, 0, 0, 1));
        assertThat(written(new Object[] {true})).isEqualTo(bytes('A', 0, 0, 0, 2, 't', 1));
        assertThat(written(Map.of("k", true))).isEqualTo(bytes('F', 0, 0, 0, 4, 1, 'k', 't', 1));
    }

    @Test
    void nullTableIsWrittenEmptyAndEmptyTableIsReadAsAnEmptyMap() {
        ByteBuf buf = Unpooled.buffer();
        FieldTable.write(null, buf);
        assertThat(Values.bytes(buf)).containsExactly(0, 0, 0, 0);
        assertThat(FieldTable.read(buf)).isEmpty();
    }

    @Test
    void deeplyNestedTablesAndArraysRoundTrip() {
        Object value = LongString.of("bottom");
        for (int i = 0; i < FieldTable.MAX_DEPTH - 1; i++) {
            value = i % 2 == 0 ? List.of(value) : Map.of("level" + i, value);
        }
        Map<String, Object> table = Map.of("deep", value);
        assertThat(normalize(roundTrip(table))).isEqualTo(normalize(table));
    }

    @Test
    void unknownJavaTypesAreRefused() {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("ok", 1);
        table.put("bad", new StringBuilder("x"));
        ByteBuf buf = Unpooled.buffer().writeByte(9);

        assertThatThrownBy(() -> FieldTable.write(table, buf))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StringBuilder");
        assertThat(Values.bytes(buf)).containsExactly(9);
        assertThatThrownBy(() -> FieldTable.writeValue(new BigDecimal("1e-300"), Unpooled.buffer()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldTable.writeValue(new BigDecimal("1e10"), Unpooled.buffer()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldTable.writeValue(new BigDecimal(1L << 31), Unpooled.buffer()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldTable.write(Map.of("k".repeat(256), 1), Unpooled.buffer()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {'Z', 'U', 'c', 0, 0xFF, 'N'})
    void unknownTypeOctetIsASyntaxErrorThatAbortsTheConnection(int type) {
        byte[] entries = concat(shortStr("k"), bytes(type, 0, 0, 0, 0));

        assertThatThrownBy(() -> read(entries))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.replyCode()).isEqualTo(ReplyCode.SYNTAX_ERROR);
                    assertThat(e.abortsConnection()).isTrue();
                    assertThat(e.text()).contains("unrecognised field value type");
                });
    }

    @Test
    void valuesCutShortAreSyntaxErrors() {
        List<byte[]> broken = new ArrayList<>();
        broken.add(concat(shortStr("k"), bytes('I', 0, 0)));
        broken.add(concat(shortStr("k"), bytes('S', 0, 0, 0, 9, 'a')));
        broken.add(concat(shortStr("k"), bytes('F', 0, 0, 0, 9)));
        broken.add(concat(shortStr("k"), bytes('A', 0, 0, 0, 1, 'I')));
        broken.add(concat(shortStr("k")));
        broken.add(bytes(5, 'k'));
        for (byte[] entries : broken) {
            assertThatThrownBy(() -> read(entries)).isInstanceOfSatisfying(ProtocolException.class,
                    e -> assertThat(e.replyCode()).isEqualTo(ReplyCode.SYNTAX_ERROR));
        }
        assertThatThrownBy(() -> FieldTable.read(Unpooled.wrappedBuffer(bytes(0, 0, 0, 5, 1))))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> FieldTable.readValue(Unpooled.wrappedBuffer(bytes('l', 1))))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void nestingBeyondTheLimitIsRefusedInsteadOfOverflowingTheStack() {
        ByteBuf buf = Unpooled.buffer();
        int levels = 5000;
        for (int i = 0; i < levels; i++) {
            buf.writeByte('A').writeInt((levels - i - 1) * 5);
        }
        assertThatThrownBy(() -> FieldTable.readValue(buf))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.text()).contains("nested deeper than"));
    }

    @Test
    void readValueAndWriteValueUseTheTypeOctet() {
        ByteBuf buf = Unpooled.buffer();
        FieldTable.writeValue(List.of(LongString.of("a"), Map.of()), buf);
        assertThat(FieldTable.readValue(buf)).isEqualTo(List.of(LongString.of("a"), Map.of()));
        assertThat(buf.isReadable()).isFalse();
    }

    @Test
    void longStringComparesByContent() {
        LongString s = LongString.of("héllo");
        assertThat(s).isEqualTo(LongString.of("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(s.hashCode()).isEqualTo(LongString.of("héllo").hashCode());
        assertThat(s.toString()).isEqualTo("héllo");
        assertThat(s.length()).isEqualTo(6);
        assertThat(s).isNotEqualTo(LongString.of("hello")).isNotEqualTo("héllo");
        byte[] copy = s.bytes();
        copy[0] = 'X';
        assertThat(s.toString()).isEqualTo("héllo");
    }

    private static byte[] written(Object value) {
        ByteBuf buf = Unpooled.buffer();
        FieldTable.writeValue(value, buf);
        return Values.bytes(buf);
    }
}
