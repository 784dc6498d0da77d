package io.mensajero.protocol;

/** One AMQP frame, as decoded by {@link Frames#decode} and {@link FrameDecoder}. */
public sealed interface Frame permits MethodFrame, HeaderFrame, BodyFrame, HeartbeatFrame {
    int channel();
}
