package io.mensajero.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: a content-based view of values (byte[], tables, records) and byte utilities. */
final class Values {
    private Values() {
    }

    /**
     * A form of v whose equals compares content: byte[] by octets, our LongString and amqp-client's
     * by octets, Date as Instant, tables and lists element by element, records component by
     * component (read from their fields, since Close's classId() is not its component).
     */
    static Object normalize(Object v) {
        if (v instanceof byte[] b) {
            return ByteBuffer.wrap(b);
        }
        if (v instanceof LongString s) {
            return List.of("longstr", ByteBuffer.wrap(s.bytes()));
        }
        if (v instanceof com.rabbitmq.client.LongString s) {
            return List.of("longstr", ByteBuffer.wrap(s.getBytes()));
        }
        if (v instanceof Date d) {
            return Instant.ofEpochMilli(d.getTime());
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, normalize(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(normalize(x)));
            return out;
        }
        if (v instanceof Object[] a) {
            return normalize(List.of(a));
        }
        if (v instanceof Record r) {
            Map<Object, Object> out = new LinkedHashMap<>();
            out.put("record", r.getClass().getName());
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                out.put(c.getName(), normalize(field(r, c.getName())));
            }
            return out;
        }
        return v;
    }

    /** Table keys in the order they were written. */
    static List<String> keys(Map<String, ?> table) {
        return new ArrayList<>(table.keySet());
    }

    static Object field(Record r, String name) {
        try {
            Field f = r.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(r);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] bytes(ByteBuf buf) {
        return ByteBufUtil.getBytes(buf, buf.readerIndex(), buf.readableBytes());
    }

    static byte[] encode(Method m) {
        ByteBuf buf = Unpooled.buffer();
        MethodCodec.encode(m, buf);
        return bytes(buf);
    }

    static Method decode(byte[] payload) {
        ByteBuf buf = Unpooled.wrappedBuffer(payload);
        Method m = MethodCodec.decode(buf);
        if (buf.isReadable()) {
            throw new AssertionError("decode left " + buf.readableBytes() + " octets");
        }
        return m;
    }

    /** Octets from ints, for hand-written wire data: bytes(0x00, 0x3C, 'a'). */
    static byte[] bytes(int... octets) {
        byte[] b = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            b[i] = (byte) octets[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteBuf buf = Unpooled.buffer();
        for (byte[] p : parts) {
            buf.writeBytes(p);
        }
        return bytes(buf);
    }

    static byte[] shortStr(String s) {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return concat(bytes(utf8.length), utf8);
    }

    static byte[] longStr(byte[] content) {
        return concat(ByteBuffer.allocate(4).putInt(content.length).array(), content);
    }
}
