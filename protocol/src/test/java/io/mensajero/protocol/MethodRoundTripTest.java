package io.mensajero.protocol;

import static io.mensajero.protocol.Values.bytes;
import static io.mensajero.protocol.Values.concat;
import static io.mensajero.protocol.Values.decode;
import static io.mensajero.protocol.Values.encode;
import static io.mensajero.protocol.Values.normalize;
import static io.mensajero.protocol.Values.shortStr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MethodRoundTripTest {

    static Stream<Method> methods() {
        return Samples.allMethods().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void everyMethodSurvivesEncodeAndDecode(Method method) {
        byte[] payload = encode(method);

        Method decoded = decode(payload);

        assertThat(normalize(decoded)).isEqualTo(normalize(method));
        assertThat(decoded.getClass()).isEqualTo(method.getClass());
        assertThat(payload).startsWith(bytes(method.classId() >> 8, method.classId(),
                method.methodId() >> 8, method.methodId()));
        assertThat(encode(decoded)).isEqualTo(payload);
    }

    @Test
    void samplesCoverEveryMethodOfEveryClass() {
        Set<Class<?>> records = new HashSet<>();
        for (Class<?> amqpClass : Method.class.getPermittedSubclasses()) {
            records.addAll(List.of(amqpClass.getPermittedSubclasses()));
        }
        Set<Class<?>> sampled = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Method m : Samples.allMethods()) {
            sampled.add(m.getClass());
            ids.add(m.classId() + "." + m.methodId());
        }
        assertThat(records).hasSize(66);
        assertThat(sampled).isEqualTo(records);
        assertThat(ids).hasSize(66);
    }

    @Test
    void namesAndFlagsComeFromTheSpec() {
        assertThat(new Basic.Publish("", "", false, false).name()).isEqualTo("basic.publish");
        assertThat(new Queue.DeclareOk("q", 0, 0).name()).isEqualTo("queue.declare-ok");
        assertThat(new Exchange.UnbindOk().methodId()).isEqualTo(51);
        assertThat(new Connection.Close(200, "", 0, 0).name()).isEqualTo("connection.close");
        List<String> content = new ArrayList<>();
        List<String> synchronous = new ArrayList<>();
        for (Method m : Samples.allMethods()) {
            if (m.hasContent()) {
                content.add(m.name());
            }
            if (m.isSynchronous()) {
                synchronous.add(m.name());
            }
        }
        assertThat(content).containsExactly("basic.publish", "basic.return", "basic.deliver",
                "basic.get-ok");
        assertThat(synchronous).hasSize(28).contains("connection.start", "queue.declare",
                "basic.consume", "basic.get", "basic.recover", "confirm.select", "tx.rollback",
                "connection.update-secret").doesNotContain("basic.ack", "basic.recover-async",
                "basic.nack", "queue.declare-ok", "basic.publish");
    }

    static Stream<Arguments> methodsWithBits() {
        return Samples.allMethods().stream()
                .filter(m -> booleanComponents(m.getClass()) > 0)
                .map(m -> Arguments.of(m.name(), m));
    }

    /** Every combination of the method's bits, and they pack into one octet, low bit first. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methodsWithBits")
    void everyCombinationOfBitsPacksIntoOneOctet(String name, Method sample) throws Exception {
        int bits = booleanComponents(sample.getClass());
        byte[] allFalse = encode(withBits(sample, 0));
        for (int mask = 0; mask < 1 << bits; mask++) {
            Method m = withBits(sample, mask);
            byte[] payload = encode(m);

            assertThat(normalize(decode(payload))).isEqualTo(normalize(m));
            assertThat(payload).hasSameSizeAs(allFalse);
            List<Integer> differing = new ArrayList<>();
            for (int i = 0; i < payload.length; i++) {
                if (payload[i] != allFalse[i]) {
                    differing.add(i);
                }
            }
            if (mask != 0) {
                assertThat(differing).as("mask %s", mask).hasSize(1);
                assertThat(payload[differing.get(0)] & 0xFF).isEqualTo(mask);
            }
        }
    }

    @Test
    void publishIsLaidOutAsTheSpecSays() {
        byte[] expected = concat(bytes(0, 60, 0, 40, 0, 0), shortStr("ex"), shortStr("rk"), bytes(1));
        assertThat(encode(new Basic.Publish("ex", "rk", true, false))).isEqualTo(expected);
        assertThat(decode(expected)).isEqualTo(new Basic.Publish("ex", "rk", true, false));
    }

    @Test
    void reservedFieldsAreWrittenEmptyAndSkippedWhenRead() {
        // connection.open: virtual-host, reserved capabilities shortstr, reserved insist bit
        assertThat(encode(new Connection.Open("/")))
                .isEqualTo(concat(bytes(0, 10, 0, 40), shortStr("/"), bytes(0, 0)));
        byte[] fromOldClient = concat(bytes(0, 10, 0, 40), shortStr("/"), shortStr("caps"), bytes(1));
        assertThat(decode(fromOldClient)).isEqualTo(new Connection.Open("/"));
        // channel.open-ok: reserved channel-id longstr
        assertThat(encode(new Channel.OpenOk())).isEqualTo(bytes(0, 20, 0, 11, 0, 0, 0, 0));
        // basic.get-empty: reserved cluster-id shortstr
        assertThat(encode(new Basic.GetEmpty())).isEqualTo(bytes(0, 60, 0, 72, 0));
        // queue.declare: reserved ticket, sent by old clients as non-zero
        byte[] withTicket = concat(bytes(0, 50, 0, 10, 0x12, 0x34), shortStr("q"), bytes(2, 0, 0, 0, 0));
        assertThat(decode(withTicket))
                .isEqualTo(new Queue.Declare("q", false, true, false, false, false, Map.of()));
    }

    @Test
    void nullStringsAndTablesAreWrittenEmpty() {
        Method m = new Queue.Bind(null, null, null, false, null);

        Method decoded = decode(encode(m));

        assertThat(decoded).isEqualTo(new Queue.Bind("", "", "", false, Map.of()));
        assertThat(((Queue.Bind) decoded).arguments()).isNotNull().isEmpty();
        assertThat(decode(encode(new Connection.StartOk(null, null, null, null))))
                .isEqualTo(new Connection.StartOk(Map.of(), "", new byte[0], ""));
    }

    @Test
    void shortStringsAreLimitedTo255OctetsOfUtf8() {
        String max = Samples.maxShortStr();
        assertThat(decode(encode(new Basic.ConsumeOk(max)))).isEqualTo(new Basic.ConsumeOk(max));

        ByteBuf out = Unpooled.buffer().writeByte(42);
        assertThatThrownBy(() -> MethodCodec.encode(new Basic.ConsumeOk(max + "x"), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 octets");
        assertThatThrownBy(() -> MethodCodec.encode(new Basic.ConsumeOk("é".repeat(128)), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
        assertThat(Values.bytes(out)).containsExactly(42);
    }

    @Test
    void numbersOutsideTheirDomainAreRefused() {
        assertThatThrownBy(() -> encode(new Connection.Tune(65536, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("short");
        assertThatThrownBy(() -> encode(new Connection.Tune(0, 1L << 32, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("long");
        assertThatThrownBy(() -> encode(new Queue.DeclareOk("q", -1, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encode(new Connection.Start(256, 9, Map.of(), "", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("octet");
    }

    @Test
    void closeKeepsItsOwnIdsApartFromTheFailingMethodIds() {
        Connection.Close close = new Connection.Close(504, "CHANNEL_ERROR", 60, 80);
        assertThat(close.classId()).isEqualTo(10);
        assertThat(close.methodId()).isEqualTo(50);
        assertThat(close.failingClassId()).isEqualTo(60);
        assertThat(close.failingMethodId()).isEqualTo(80);
        assertThat(close).isEqualTo(new Connection.Close(504, "CHANNEL_ERROR", 60, 80))
                .isNotEqualTo(new Connection.Close(504, "CHANNEL_ERROR", 60, 81));
        assertThat(close.toString()).contains("classId=60", "methodId=80");
        Channel.Close decoded = (Channel.Close) decode(encode(new Channel.Close(406, "x", 50, 10)));
        assertThat(decoded.failingClassId()).isEqualTo(50);
        assertThat(decoded.failingMethodId()).isEqualTo(10);
        assertThat(decoded.methodId()).isEqualTo(40);
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(new Connection.StartOk(Map.of(), "PLAIN", "\0u\0pw".getBytes(), "en_US").toString())
                .doesNotContain("pw").contains("5 octets");
        assertThat(new Connection.UpdateSecret("s3cr3t", "r").toString()).doesNotContain("s3cr3t");
    }

    static int booleanComponents(Class<?> recordClass) {
        int n = 0;
        for (RecordComponent c : recordClass.getRecordComponents()) {
            if (c.getType() == boolean.class) {
                n++;
            }
        }
        return n;
    }

    /** The sample with its boolean components set from mask: bit i = i-th boolean component. */
    static Method withBits(Method sample, int mask) throws Exception {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int bit = 0;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = types[i] == boolean.class
                    ? (mask >> bit++ & 1) != 0 : Values.field((Record) sample, components[i].getName());
        }
        Constructor<?> constructor = sample.getClass().getDeclaredConstructor(types);
        return (Method) constructor.newInstance(args);
    }
}
