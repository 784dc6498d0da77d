package io.mensajero.protocol;

import static io.mensajero.protocol.Values.bytes;
import static io.mensajero.protocol.Values.concat;
import static io.mensajero.protocol.Values.normalize;
import static io.mensajero.protocol.Values.shortStr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicPropertiesTest {

    static BasicProperties all() {
        return new BasicProperties("application/json", "gzip", Samples.richTable(), 2, 9,
                "corr-ñ", "amq.rabbitmq.reply-to", "60000", "msg-1", 1_700_000_000L, "order.created",
                "guest", "mensajero", "cluster-A");
    }

    @Test
    void allFourteenPropertiesSurviveARoundTrip() {
        BasicProperties p = all();

        byte[] raw = p.encode();

        assertThat(raw[0] & 0xFF).isEqualTo(0xFF);
        assertThat(raw[1] & 0xFF).isEqualTo(0xFC);
        assertThat(normalize(BasicProperties.decode(raw))).isEqualTo(normalize(p));
    }

    @Test
    void noPropertiesIsTwoZeroOctets() {
        assertThat(BasicProperties.EMPTY.encode()).containsExactly(0, 0);
        assertThat(BasicProperties.decode(bytes(0, 0))).isEqualTo(BasicProperties.EMPTY);
    }

    @Test
    void eachPropertyAloneSetsItsOwnFlagInSpecOrder() {
        String[] order = {"contentType", "contentEncoding", "headers", "deliveryMode", "priority",
                "correlationId", "replyTo", "expiration", "messageId", "timestamp", "type", "userId",
                "appId", "clusterId"};
        BasicProperties full = all();
        for (int i = 0; i < order.length; i++) {
            Object[] args = new Object[14];
            args[i] = Values.field(full, order[i]);
            BasicProperties one = construct(args);

            byte[] raw = one.encode();

            int flags = (raw[0] & 0xFF) << 8 | raw[1] & 0xFF;
            assertThat(flags).as(order[i]).isEqualTo(1 << (15 - i));
            assertThat(normalize(BasicProperties.decode(raw))).isEqualTo(normalize(one));
        }
    }

    @Test
    void persistentTextMessageHasTheExpectedOctets() {
        BasicProperties p = new BasicProperties("text/plain", null, null, 2, null, null, null, null,
                null, null, null, null, null, null);
        assertThat(p.encode()).isEqualTo(concat(bytes(0x90, 0x00), shortStr("text/plain"), bytes(2)));
    }

    @Test
    void emptyHeadersTableIsPresentNotAbsent() {
        BasicProperties p = BasicProperties.EMPTY.withHeaders(Map.of());
        assertThat(p.encode()).containsExactly(0x20, 0x00, 0, 0, 0, 0);
        assertThat(BasicProperties.decode(p.encode()).headers()).isNotNull().isEmpty();
    }

    @Test
    void continuationFlagWordsAreFollowed() {
        byte[] raw = concat(bytes(0x80, 0x01, 0x00, 0x01, 0x00, 0x00), shortStr("a/b"));
        assertThat(BasicProperties.decode(raw).contentType()).isEqualTo("a/b");
    }

    @Test
    void bitOneOfTheFlagsIsIgnoredAsRabbitMqIgnoresIt() {
        assertThat(BasicProperties.decode(bytes(0x00, 0x02))).isEqualTo(BasicProperties.EMPTY);
    }

    @Test
    void malformedPropertiesAreAnInternalErrorWithoutExplanationAsInRabbitMq() {
        byte[][] broken = {
                bytes(0x80),                                      // flags cut short
                bytes(0x80, 0x00, 5, 'a'),                        // content-type cut short
                concat(bytes(0x00, 0x00), bytes(1)),              // octets after the list
                bytes(0x20, 0x00, 0, 0, 0, 3, 1, 'k', 'Z'),      // headers with a bad type
                bytes(0x00, 0x01, 0x80, 0x00),                    // continuation flags an unknown property
                bytes(0x10, 0x00),                                // delivery-mode missing
        };
        for (byte[] raw : broken) {
            assertThatThrownBy(() -> BasicProperties.decode(raw))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> {
                        assertThat(e.replyCode()).isEqualTo(ReplyCode.INTERNAL_ERROR);
                        assertThat(e.replyText()).isEqualTo("INTERNAL_ERROR");
                        assertThat(e.abortsConnection()).isFalse();
                        assertThat(e.getMessage()).contains("malformed basic properties");
                    });
        }
    }

    @Test
    void shortStringPropertiesAreNotCheckedForUtf8() {
        byte[] raw = concat(bytes(0x80, 0x00), bytes(2, 0xFF, 'a'));
        assertThat(BasicProperties.decode(raw).contentType()).isEqualTo("\uDCFFa");
        assertThat(BasicProperties.decode(raw).encode()).isEqualTo(raw);
    }

    @Test
    void withersChangeOneProperty() {
        BasicProperties p = all();
        assertThat(p.withReplyTo("q2")).isEqualTo(construct(replace(p, 6, "q2")));
        assertThat(p.withExpiration(null)).isEqualTo(construct(replace(p, 7, null)));
        assertThat(p.withHeaders(Map.of("a", 1)).headers()).isEqualTo(Map.of("a", 1));
        assertThat(p.withHeaders(null).contentType()).isEqualTo("application/json");
    }

    @Test
    void valuesThatDoNotFitAreRefused() {
        assertThatThrownBy(() -> BasicProperties.EMPTY.withReplyTo("q".repeat(256)).encode())
                .isInstanceOf(IllegalArgumentException.class);
        BasicProperties badMode = new BasicProperties(null, null, null, 256, null, null, null, null,
                null, null, null, null, null, null);
        assertThatThrownBy(badMode::encode).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerFrameDecodesItsProperties() {
        BasicProperties p = all();
        HeaderFrame h = new HeaderFrame(1, 60, 10, p.encode());
        assertThat(normalize(h.properties())).isEqualTo(normalize(p));
    }

    private static Object[] replace(BasicProperties p, int index, Object value) {
        String[] names = {"contentType", "contentEncoding", "headers", "deliveryMode", "priority",
                "correlationId", "replyTo", "expiration", "messageId", "timestamp", "type", "userId",
                "appId", "clusterId"};
        Object[] args = new Object[14];
        for (int i = 0; i < 14; i++) {
            args[i] = Values.field(p, names[i]);
        }
        args[index] = value;
        return args;
    }

    @SuppressWarnings("unchecked")
    private static BasicProperties construct(Object[] a) {
        return new BasicProperties((String) a[0], (String) a[1], (Map<String, Object>) a[2],
                (Integer) a[3], (Integer) a[4], (String) a[5], (String) a[6], (String) a[7],
                (String) a[8], (Long) a[9], (String) a[10], (String) a[11], (String) a[12],
                (String) a[13]);
    }
}
