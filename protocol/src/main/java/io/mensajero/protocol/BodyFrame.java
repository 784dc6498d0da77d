package io.mensajero.protocol;

import java.util.Arrays;

/** A content body frame (type 3): one fragment of a message body. */
public record BodyFrame(int channel, byte[] payload) implements Frame {
    @Override
    public boolean equals(Object o) {
        return o instanceof BodyFrame b && channel == b.channel && Arrays.equals(payload, b.payload);
    }

    @Override
    public int hashCode() {
        return channel * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "BodyFrame[channel=" + channel + ", payload=<" + payload.length + " octets>]";
    }
}
