package io.mensajero.protocol;

import java.util.Arrays;

/**
 * A content header frame (type 2). The weight must be 0; the broker, which knows the method the
 * header belongs to, checks it (as RabbitMQ's command assembler does). bodySize is the
 * unsigned 64-bit body size as read: a value of 2^63 or more shows as negative. rawProperties are
 * the property flags and list, kept as they came so that the broker can forward them unchanged.
 */
public record HeaderFrame(int channel, int classId, int weight, long bodySize, byte[] rawProperties)
        implements Frame {
    /** A header of weight 0, as every client writes it. */
    public HeaderFrame(int channel, int classId, long bodySize, byte[] rawProperties) {
        this(channel, classId, 0, bodySize, rawProperties);
    }

    /** Decodes the raw properties; see {@link BasicProperties#decode(byte[])}. */
    public BasicProperties properties() {
        return BasicProperties.decode(rawProperties);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderFrame h && channel == h.channel && classId == h.classId
                && weight == h.weight && bodySize == h.bodySize && Arrays.equals(rawProperties, h.rawProperties);
    }

    @Override
    public int hashCode() {
        return ((channel * 31 + classId * 17 + weight) * 31 + Long.hashCode(bodySize)) * 31
                + Arrays.hashCode(rawProperties);
    }

    @Override
    public String toString() {
        return "HeaderFrame[channel=" + channel + ", classId=" + classId + ", weight=" + weight + ", bodySize=" + bodySize
                + ", rawProperties=<" + rawProperties.length + " octets>]";
    }
}
