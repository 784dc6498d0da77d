package io.mensajero.protocol;

import static io.mensajero.protocol.Values.normalize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many random method instances, tables and properties must survive encode and decode; random
 * damage to valid frames must only ever give a frame, "incomplete" or a ProtocolException. Each
 * run is seeded: a failure names its seed and repeats with it.
 */
class RandomizedCodecTest {
    /** Record components whose AMQP domain the Java type does not tell. */
    private static final Set<String> OCTETS = Set.of("versionMajor", "versionMinor");
    private static final Set<String> LONG_STRINGS = Set.of("mechanisms", "locales", "newSecret");
    private static final Set<String> LONGLONGS = Set.of("deliveryTag");
    private static final int[][] CODE_POINT_RANGES = {
            {0x20, 0x7E}, {0x00, 0x1F}, {0xA0, 0x24F}, {0x4E00, 0x9FFF}, {0x1F600, 0x1F64F}};

    private static List<Class<?>> methodRecords() {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> amqpClass : Method.class.getPermittedSubclasses()) {
            records.addAll(List.of(amqpClass.getPermittedSubclasses()));
        }
        return records;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void randomMethodsSurviveEncodeAndDecode(long seed) throws Exception {
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            for (Class<?> recordClass : methodRecords()) {
                Method m = randomMethod(recordClass, random);
                int channel = random.nextInt(65536);
                ByteBuf buf = Unpooled.buffer();
                Frames.writeMethod(buf, channel, m);

                Frame decoded = Frames.decode(buf, 0);

                assertThat(normalize(decoded)).as("seed %d: %s", seed, m)
                        .isEqualTo(normalize(new MethodFrame(channel, m)));
                assertThat(buf.isReadable()).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8})
    void randomTablesAndPropertiesSurviveEncodeAndDecode(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            Map<String, Object> table = randomTable(random, 0);
            ByteBuf buf = Unpooled.buffer();
            FieldTable.write(table, buf);
            assertThat(normalize(FieldTable.read(buf))).as("seed %d", seed).isEqualTo(normalize(table));

            BasicProperties p = randomProperties(random);
            assertThat(normalize(BasicProperties.decode(p.encode()))).as("seed %d", seed)
                    .isEqualTo(normalize(p));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8})
    void randomContentIsSplitAndJoinedBack(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 100; i++) {
            byte[] body = new byte[random.nextInt(20_000)];
            random.nextBytes(body);
            long frameMax = random.nextBoolean() ? 0 : 9 + random.nextInt(5000);
            byte[] props = randomProperties(random).encode();
            ByteBuf out = Unpooled.buffer();
            Frames.writeContent(out, 1, new Basic.Publish("", "q", false, false), 60, props, body,
                    frameMax);
            int frames = 0;
            ByteBuf joined = Unpooled.buffer();
            for (Frame f; (f = Frames.decode(out, 0)) != null; frames++) {
                if (f instanceof BodyFrame b) {
                    joined.writeBytes(b.payload());
                    assertThat(b.payload().length + 8L).as("seed %d", seed)
                            .isLessThanOrEqualTo(frameMax == 0 ? Long.MAX_VALUE : frameMax);
                } else if (f instanceof HeaderFrame h) {
                    assertThat(h.bodySize()).isEqualTo(body.length);
                    assertThat(h.rawProperties()).isEqualTo(props);
                }
            }
            assertThat(Values.bytes(joined)).as("seed %d", seed).isEqualTo(body);
            long bodyFrames = frames - 2;
            long expected = body.length == 0 ? 0
                    : frameMax == 0 ? 1 : (body.length + frameMax - 9) / (frameMax - 8);
            assertThat(bodyFrames).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void damagedInputGivesAFrameOrAProtocolExceptionNeverAnythingElse(long seed) throws Exception {
        Random random = new Random(seed);
        List<Class<?>> records = methodRecords();
        for (int i = 0; i < 2000; i++) {
            ByteBuf valid = Unpooled.buffer();
            Frames.writeMethod(valid, 1, randomMethod(records.get(random.nextInt(records.size())),
                    random));
            byte[] bytes = Values.bytes(valid);
            byte[] damaged = damage(bytes, random);
            try {
                Frame f = Frames.decode(Unpooled.wrappedBuffer(damaged), 1 << 20);
                if (f instanceof MethodFrame mf) {
                    Values.encode(mf.method()); // what we decoded we can write again
                }
            } catch (ProtocolException expected) {
                assertThat(expected.replyCode()).isIn(ReplyCode.FRAME_ERROR, ReplyCode.SYNTAX_ERROR,
                        ReplyCode.COMMAND_INVALID, ReplyCode.UNEXPECTED_FRAME);
            } catch (RuntimeException e) {
                fail("seed " + seed + ", input " + java.util.Arrays.toString(damaged), e);
            }
            try {
                BasicProperties.decode(damage(randomProperties(random).encode(), random));
            } catch (ProtocolException expected) {
                assertThat(expected.replyCode()).isEqualTo(ReplyCode.INTERNAL_ERROR);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void anyOctetsSurviveStringDecodeAndEncodeAndValidTextDecodesAsJavaDoes(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 5000; i++) {
            byte[] octets = new byte[random.nextInt(40)];
            random.nextBytes(octets);
            if (random.nextBoolean()) {
                byte[] text = randomText(random, 10).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(text, 0, octets, 0, Math.min(text.length, octets.length));
            }
            String s = Utf8.decode(Unpooled.wrappedBuffer(octets), 0, octets.length);
            ByteBuf out = Unpooled.buffer();
            assertThat(Utf8.write(out, s)).isEqualTo(octets.length);
            assertThat(Values.bytes(out)).as("seed %d", seed).isEqualTo(octets);

            String text = randomText(random, random.nextInt(30));
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8.decode(Unpooled.wrappedBuffer(utf8), 0, utf8.length)).isEqualTo(text);
            assertThat(Utf8.isErlangValid(Unpooled.wrappedBuffer(utf8), 0, utf8.length)).isTrue();
        }
    }

    private static byte[] damage(byte[] bytes, Random random) {
        byte[] out = bytes.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int k = 0; k <= random.nextInt(3); k++) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> out = java.util.Arrays.copyOf(out, random.nextInt(out.length));
            default -> {
                int at = random.nextInt(out.length);
                out[at] = (byte) (out[at] ^ 1 << random.nextInt(8));
            }
        }
        return out;
    }

    static Method randomMethod(Class<?> recordClass, Random r) throws Exception {
        RecordComponent[] components = recordClass.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = randomArgument(types[i], components[i].getName(), r);
        }
        Constructor<?> constructor = recordClass.getDeclaredConstructor(types);
        return (Method) constructor.newInstance(args);
    }

    private static Object randomArgument(Class<?> type, String name, Random r) {
        if (type == boolean.class) {
            return r.nextBoolean();
        } else if (type == int.class) {
            return OCTETS.contains(name) ? r.nextInt(256) : r.nextInt(65536);
        } else if (type == long.class) {
            return LONGLONGS.contains(name) ? r.nextLong() : r.nextLong() & 0xFFFFFFFFL;
        } else if (type == String.class) {
            return LONG_STRINGS.contains(name) ? randomText(r, r.nextInt(3000)) : randomShortStr(r);
        } else if (type == byte[].class) {
            byte[] b = new byte[r.nextInt(300)];
            r.nextBytes(b);
            return b;
        } else if (type == Map.class) {
            return randomTable(r, 0);
        }
        throw new AssertionError("no generator for " + type);
    }

    static String randomShortStr(Random r) {
        int target = r.nextInt(256);
        StringBuilder sb = new StringBuilder();
        int octets = 0;
        while (true) {
            String c = new String(Character.toChars(randomCodePoint(r)));
            int n = c.getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > target) {
                return sb.toString();
            }
            sb.append(c);
            octets += n;
        }
    }

    static String randomText(Random r, int codePoints) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            sb.appendCodePoint(randomCodePoint(r));
        }
        return sb.toString();
    }

    private static int randomCodePoint(Random r) {
        int[] range = CODE_POINT_RANGES[r.nextInt(CODE_POINT_RANGES.length)];
        return range[0] + r.nextInt(range[1] - range[0] + 1);
    }

    static Map<String, Object> randomTable(Random r, int depth) {
        Map<String, Object> t = new LinkedHashMap<>();
        int n = r.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < n; i++) {
            t.put(randomText(r, r.nextInt(12)), randomValue(r, depth));
        }
        return t;
    }

    private static Object randomValue(Random r, int depth) {
        switch (r.nextInt(depth < 3 ? 15 : 13)) {
            case 0: return LongString.of(randomText(r, r.nextInt(40)));
            case 1: return r.nextInt();
            case 2: return r.nextLong();
            case 3: return r.nextBoolean();
            case 4: return (byte) r.nextInt();
            case 5: return (short) r.nextInt();
            case 6: return Float.intBitsToFloat(r.nextInt());
            case 7: return Double.longBitsToDouble(r.nextLong());
            case 8: return new BigDecimal(BigInteger.valueOf(r.nextInt()), r.nextInt(256));
            case 9: return Instant.ofEpochSecond(r.nextLong() >> 20);
            case 10: {
                byte[] b = new byte[r.nextInt(20)];
                r.nextBytes(b);
                return b;
            }
            case 11: return null;
            case 12: return LongString.of(new byte[] {(byte) 0xFF, (byte) r.nextInt()});
            case 13: return randomTable(r, depth + 1);
            default: {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    list.add(randomValue(r, depth + 1));
                }
                return list;
            }
        }
    }

    static BasicProperties randomProperties(Random r) {
        return new BasicProperties(
                r.nextBoolean() ? randomShortStr(r) : null, r.nextBoolean() ? randomShortStr(r) : null,
                r.nextBoolean() ? randomTable(r, 0) : null, r.nextBoolean() ? r.nextInt(256) : null,
                r.nextBoolean() ? r.nextInt(256) : null, r.nextBoolean() ? randomShortStr(r) : null,
                r.nextBoolean() ? randomShortStr(r) : null, r.nextBoolean() ? randomShortStr(r) : null,
                r.nextBoolean() ? randomShortStr(r) : null, r.nextBoolean() ? r.nextLong() : null,
                r.nextBoolean() ? randomShortStr(r) : null, r.nextBoolean() ? randomShortStr(r) : null,
                r.nextBoolean() ? randomShortStr(r) : null, r.nextBoolean() ? randomShortStr(r) : null);
    }
}
