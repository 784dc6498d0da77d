package io.mensajero.protocol;

/** A method frame (type 1). */
public record MethodFrame(int channel, Method method) implements Frame {
}
