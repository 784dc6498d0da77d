package io.mensajero.protocol;

/**
 * A heartbeat frame (type 8). It should come on channel 0; the channel is kept as it came (RabbitMQ
 * answers a heartbeat on another channel with UNEXPECTED_FRAME, which is the broker's call).
 */
public record HeartbeatFrame(int channel) implements Frame {
}
