package io.mensajero.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Map;

/**
 * The 14 properties of the basic class, as carried by a content header. Null means absent.
 * Timestamps are in seconds. {@link #decode(byte[])} and {@link #encode()} work on the raw property
 * octets: the property-flags word(s) followed by the property list (a header frame payload after
 * class-id, weight and body-size).
 */
public record BasicProperties(String contentType, String contentEncoding,
        Map<String, Object> headers, Integer deliveryMode, Integer priority, String correlationId,
        String replyTo, String expiration, String messageId, Long timestamp, String type,
        String userId, String appId, String clusterId) {

    /** No property set; encodes as two zero octets. */
    public static final BasicProperties EMPTY = new BasicProperties(null, null, null, null, null,
            null, null, null, null, null, null, null, null, null);

    private static final int CONTENT_TYPE = 1 << 15;
    private static final int CONTENT_ENCODING = 1 << 14;
    private static final int HEADERS = 1 << 13;
    private static final int DELIVERY_MODE = 1 << 12;
    private static final int PRIORITY = 1 << 11;
    private static final int CORRELATION_ID = 1 << 10;
    private static final int REPLY_TO = 1 << 9;
    private static final int EXPIRATION = 1 << 8;
    private static final int MESSAGE_ID = 1 << 7;
    private static final int TIMESTAMP = 1 << 6;
    private static final int TYPE = 1 << 5;
    private static final int USER_ID = 1 << 4;
    private static final int APP_ID = 1 << 3;
    private static final int CLUSTER_ID = 1 << 2;
    private static final int CONTINUATION = 1;

    /**
     * Decodes raw property octets. Continuation flag words (bit 0) are followed, and must not flag
     * further properties. Bit 1 of the first word is ignored, as RabbitMQ ignores it. Octets that do
     * not parse throw {@link ProtocolException} with INTERNAL_ERROR and no explanation, which is what
     * RabbitMQ 3.10 answers (its decode_properties badmatch crashes the channel): "INTERNAL_ERROR".
     * Shortstr properties are not checked for UTF-8, as in RabbitMQ, and keep invalid octets (see
     * {@link Utf8}).
     */
    public static BasicProperties decode(byte[] rawProperties) {
        ByteBuf in = Unpooled.wrappedBuffer(rawProperties);
        try {
            int flags = in.readUnsignedShort();
            for (int word = flags; (word & CONTINUATION) != 0; ) {
                word = in.readUnsignedShort();
                if ((word & ~CONTINUATION) != 0) {
                    throw malformed("continuation flag word " + word + " flags unknown properties");
                }
            }
            BasicProperties p = new BasicProperties(
                    (flags & CONTENT_TYPE) != 0 ? shortStr(in) : null,
                    (flags & CONTENT_ENCODING) != 0 ? shortStr(in) : null,
                    (flags & HEADERS) != 0 ? FieldTable.read(in) : null,
                    (flags & DELIVERY_MODE) != 0 ? octet(in) : null,
                    (flags & PRIORITY) != 0 ? octet(in) : null,
                    (flags & CORRELATION_ID) != 0 ? shortStr(in) : null,
                    (flags & REPLY_TO) != 0 ? shortStr(in) : null,
                    (flags & EXPIRATION) != 0 ? shortStr(in) : null,
                    (flags & MESSAGE_ID) != 0 ? shortStr(in) : null,
                    (flags & TIMESTAMP) != 0 ? Long.valueOf(in.readLong()) : null,
                    (flags & TYPE) != 0 ? shortStr(in) : null,
                    (flags & USER_ID) != 0 ? shortStr(in) : null,
                    (flags & APP_ID) != 0 ? shortStr(in) : null,
                    (flags & CLUSTER_ID) != 0 ? shortStr(in) : null);
            if (in.isReadable()) {
                throw malformed(in.readableBytes() + " octets after the property list");
            }
            return p;
        } catch (IndexOutOfBoundsException e) {
            throw malformed("property list cut short");
        } catch (ProtocolException e) {
            throw e.replyCode() == ReplyCode.INTERNAL_ERROR ? e : malformed("headers: " + e.text());
        }
    }

    /** Encodes the flags word and the property list. */
    public byte[] encode() {
        ByteBuf out = Unpooled.buffer(64);
        out.writeShort(0);
        int flags = 0;
        flags |= str(out, contentType, CONTENT_TYPE);
        flags |= str(out, contentEncoding, CONTENT_ENCODING);
        if (headers != null) {
            FieldTable.write(headers, out);
            flags |= HEADERS;
        }
        flags |= octet(out, deliveryMode, DELIVERY_MODE, "delivery-mode");
        flags |= octet(out, priority, PRIORITY, "priority");
        flags |= str(out, correlationId, CORRELATION_ID);
        flags |= str(out, replyTo, REPLY_TO);
        flags |= str(out, expiration, EXPIRATION);
        flags |= str(out, messageId, MESSAGE_ID);
        if (timestamp != null) {
            out.writeLong(timestamp);
            flags |= TIMESTAMP;
        }
        flags |= str(out, type, TYPE);
        flags |= str(out, userId, USER_ID);
        flags |= str(out, appId, APP_ID);
        flags |= str(out, clusterId, CLUSTER_ID);
        out.setShort(0, flags);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    public BasicProperties withReplyTo(String replyTo) {
        return new BasicProperties(contentType, contentEncoding, headers, deliveryMode, priority,
                correlationId, replyTo, expiration, messageId, timestamp, type, userId, appId, clusterId);
    }

    public BasicProperties withHeaders(Map<String, Object> headers) {
        return new BasicProperties(contentType, contentEncoding, headers, deliveryMode, priority,
                correlationId, replyTo, expiration, messageId, timestamp, type, userId, appId, clusterId);
    }

    public BasicProperties withExpiration(String expiration) {
        return new BasicProperties(contentType, contentEncoding, headers, deliveryMode, priority,
                correlationId, replyTo, expiration, messageId, timestamp, type, userId, appId, clusterId);
    }

    private static Integer octet(ByteBuf in) {
        return (int) in.readUnsignedByte();
    }

    private static String shortStr(ByteBuf in) {
        int length = in.readUnsignedByte();
        if (length > in.readableBytes()) {
            throw new IndexOutOfBoundsException();
        }
        String s = Utf8.decode(in, in.readerIndex(), length);
        in.skipBytes(length);
        return s;
    }

    private static int str(ByteBuf out, String value, int flag) {
        if (value == null) {
            return 0;
        }
        MethodWriter.writeShortStr(out, value);
        return flag;
    }

    private static int octet(ByteBuf out, Integer value, int flag, String name) {
        if (value == null) {
            return 0;
        }
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must be 0..255, not " + value);
        }
        out.writeByte(value);
        return flag;
    }

    private static ProtocolException malformed(String detail) {
        // rabbit_framing_amqp_0_9_1:decode_properties/2 has no error clause: the channel crashes and
        // the connection is closed with plain "INTERNAL_ERROR".
        return new ProtocolException(ReplyCode.INTERNAL_ERROR, "", 0, 0, false,
                "malformed basic properties: " + detail);
    }
}
