package io.mensajero.protocol;

import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field tables and field values, with every value type RabbitMQ accepts (rabbit_binary_parser.erl).
 *
 * <p>Reading maps types to Java as follows: 't' Boolean; 'b' Byte; 'B' (unsigned 8) Integer, as
 * amqp-client reads it; 's' Short; 'u' (unsigned 16) Integer; 'I' Integer; 'i' (unsigned 32) Long;
 * 'l' and 'L' Long (RabbitMQ reads both as signed 64); 'f' Float; 'd' Double; 'D' BigDecimal;
 * 'S' {@link LongString}; 'A' List; 'T' Instant (seconds; a value beyond Instant's range, which
 * RabbitMQ accepts, is returned as a Long); 'F' Map (a LinkedHashMap in wire order); 'V' null;
 * 'x' byte[]. Keys that are not valid UTF-8 keep their octets (see {@link Utf8}).
 *
 * <p>Writing maps Java to types: String and LongString 'S'; Boolean 't'; Byte 'b'; Short 's';
 * Integer 'I'; Long 'l'; Float 'f'; Double 'd'; BigDecimal 'D'; Instant and Date 'T'; Map 'F';
 * List and Object[] 'A'; byte[] 'x'; null 'V'. So a value read as unsigned comes back signed, as with
 * amqp-client; forward raw bytes where that matters. Other Java types: IllegalArgumentException.
 *
 * <p>A table that cannot be parsed (unknown type octet, value cut short, nesting deeper than
 * {@value #MAX_DEPTH}) throws {@link ProtocolException} with SYNTAX_ERROR and
 * {@link ProtocolException#abortsConnection()}: RabbitMQ's parse_table has no clause for it, so its
 * reader crashes and the TCP connection is dropped without connection.close.
 */
public final class FieldTable {
    /** Deepest nesting of tables and arrays accepted (RabbitMQ has no limit; this bounds the stack). */
    static final int MAX_DEPTH = 128;
    private static final long MIN_INSTANT = Instant.MIN.getEpochSecond();
    private static final long MAX_INSTANT = Instant.MAX.getEpochSecond();

    private FieldTable() {
    }

    /** Reads a length-prefixed table. */
    public static Map<String, Object> read(ByteBuf in) {
        long length;
        try {
            length = in.readUnsignedInt();
        } catch (IndexOutOfBoundsException e) {
            throw malformed("truncated field table");
        }
        if (length > in.readableBytes()) {
            throw malformed("truncated field table");
        }
        return parse(in.readSlice((int) length));
    }

    /** Writes a length-prefixed table; null is written as an empty table. */
    public static void write(Map<String, ?> table, ByteBuf out) {
        write(table, out, 0);
    }

    /** Reads one value: its type octet, then the value. */
    public static Object readValue(ByteBuf in) {
        try {
            return value(in, 0);
        } catch (IndexOutOfBoundsException e) {
            throw malformed("truncated field value");
        }
    }

    /** Writes one value: its type octet, then the value. */
    public static void writeValue(Object value, ByteBuf out) {
        writeValue(value, out, 0);
    }

    /** Parses the entries of a table whose length prefix has been read; they fill all of in. */
    static Map<String, Object> parse(ByteBuf in) {
        try {
            return entries(in, 0);
        } catch (IndexOutOfBoundsException e) {
            throw malformed("truncated field table");
        }
    }

    private static Map<String, Object> entries(ByteBuf in, int depth) {
        Map<String, Object> table = new LinkedHashMap<>();
        while (in.isReadable()) {
            int keyLength = in.readUnsignedByte();
            if (keyLength > in.readableBytes()) {
                throw new IndexOutOfBoundsException();
            }
            String key = Utf8.decode(in, in.readerIndex(), keyLength);
            in.skipBytes(keyLength);
            table.put(key, value(in, depth));
        }
        return table;
    }

    private static Object value(ByteBuf in, int depth) {
        int type = in.readUnsignedByte();
        switch (type) {
            case 'S': return LongString.wrap(bytes(in));
            case 'I': return in.readInt();
            case 'T': return timestamp(in.readLong());
            case 'F': return entries(nested(in, depth), depth + 1);
            case 'A': return array(nested(in, depth), depth + 1);
            case 't': return in.readUnsignedByte() != 0;
            case 'b': return in.readByte();
            case 'B': return (int) in.readUnsignedByte();
            case 's': return in.readShort();
            case 'u': return in.readUnsignedShort();
            case 'i': return in.readUnsignedInt();
            case 'l':
            case 'L': return in.readLong();
            case 'f': return in.readFloat();
            case 'd': return in.readDouble();
            case 'D': {
                int scale = in.readUnsignedByte();
                return new BigDecimal(BigInteger.valueOf(in.readInt()), scale);
            }
            case 'x': return bytes(in);
            case 'V': return null;
            default:
                throw malformed("unrecognised field value type '" + printable(type) + "'");
        }
    }

    private static Object timestamp(long seconds) {
        return seconds >= MIN_INSTANT && seconds <= MAX_INSTANT ? Instant.ofEpochSecond(seconds)
                : (Object) seconds;
    }

    private static ByteBuf nested(ByteBuf in, int depth) {
        if (depth >= MAX_DEPTH) {
            throw malformed("field tables and arrays nested deeper than " + MAX_DEPTH);
        }
        long length = in.readUnsignedInt();
        if (length > in.readableBytes()) {
            throw new IndexOutOfBoundsException();
        }
        return in.readSlice((int) length);
    }

    private static List<Object> array(ByteBuf in, int depth) {
        List<Object> list = new ArrayList<>();
        while (in.isReadable()) {
            list.add(value(in, depth));
        }
        return list;
    }

    private static byte[] bytes(ByteBuf in) {
        long length = in.readUnsignedInt();
        if (length > in.readableBytes()) {
            throw new IndexOutOfBoundsException();
        }
        byte[] bytes = new byte[(int) length];
        in.readBytes(bytes);
        return bytes;
    }

    private static void write(Map<String, ?> table, ByteBuf out, int depth) {
        int start = out.writerIndex();
        out.writeInt(0);
        if (table != null) {
            for (Map.Entry<String, ?> e : table.entrySet()) {
                if (e.getKey() == null) {
                    out.writerIndex(start);
                    throw new IllegalArgumentException("field table key must not be null");
                }
                try {
                    MethodWriter.writeShortStr(out, e.getKey());
                    writeValue(e.getValue(), out, depth);
                } catch (RuntimeException ex) {
                    out.writerIndex(start);
                    throw ex;
                }
            }
        }
        out.setInt(start, out.writerIndex() - start - 4);
    }

    private static void writeValue(Object v, ByteBuf out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("field tables nested deeper than " + MAX_DEPTH);
        }
        if (v instanceof String s) {
            out.writeByte('S');
            MethodWriter.writeLongStr(out, s);
        } else if (v instanceof LongString s) {
            out.writeByte('S');
            out.writeInt(s.length());
            out.writeBytes(s.array());
        } else if (v instanceof Integer i) {
            out.writeByte('I').writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte('l').writeLong(l);
        } else if (v instanceof Boolean b) {
            out.writeByte('t').writeByte(b ? 1 : 0);
        } else if (v instanceof Map<?, ?> m) {
            out.writeByte('F');
            write(checkedTable(m), out, depth + 1);
        } else if (v instanceof List<?> list) {
            writeArray(list, out, depth + 1);
        } else if (v instanceof byte[] bytes) {
            out.writeByte('x').writeInt(bytes.length).writeBytes(bytes);
        } else if (v instanceof Byte b) {
            out.writeByte('b').writeByte(b);
        } else if (v instanceof Short s) {
            out.writeByte('s').writeShort(s);
        } else if (v instanceof Float f) {
            out.writeByte('f').writeFloat(f);
        } else if (v instanceof Double d) {
            out.writeByte('d').writeDouble(d);
        } else if (v instanceof BigDecimal d) {
            writeDecimal(d, out);
        } else if (v instanceof Instant t) {
            out.writeByte('T').writeLong(t.getEpochSecond());
        } else if (v instanceof Date t) {
            out.writeByte('T').writeLong(t.getTime() / 1000);
        } else if (v instanceof Object[] array) {
            writeArray(List.of(array), out, depth + 1);
        } else if (v == null) {
            out.writeByte('V');
        } else {
            throw new IllegalArgumentException(
                    "no field-table type for a " + v.getClass().getName() + " value");
        }
    }

    private static void writeArray(List<?> list, ByteBuf out, int depth) {
        out.writeByte('A');
        int start = out.writerIndex();
        out.writeInt(0);
        for (Object item : list) {
            writeValue(item, out, depth);
        }
        out.setInt(start, out.writerIndex() - start - 4);
    }

    private static void writeDecimal(BigDecimal d, ByteBuf out) {
        BigInteger unscaled = d.unscaledValue();
        if (d.scale() < 0 || d.scale() > 255 || unscaled.bitLength() > 31) {
            throw new IllegalArgumentException(
                    "decimal " + d + " does not fit AMQP's octet scale and 32-bit value");
        }
        out.writeByte('D').writeByte(d.scale()).writeInt(unscaled.intValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> checkedTable(Map<?, ?> m) {
        for (Object key : m.keySet()) {
            if (key != null && !(key instanceof String)) {
                throw new IllegalArgumentException("field table keys must be strings, not " + key.getClass());
            }
        }
        return (Map<String, ?>) m;
    }

    private static String printable(int type) {
        return type >= 0x20 && type < 0x7F ? String.valueOf((char) type) : String.format("\\x%02x", type);
    }

    private static ProtocolException malformed(String text) {
        return new ProtocolException(ReplyCode.SYNTAX_ERROR, text, 0, 0, true, null);
    }
}
