package io.mensajero.protocol;

/**
 * What {@link FrameDecoder} passes on in place of input it cannot decode. When the error is
 * {@link ProtocolException#fatal() fatal} or {@link ProtocolException#abortsConnection() aborts the
 * connection}, the decoder ignores all further input; otherwise the faulty frame was skipped whole
 * and decoding goes on (RabbitMQ then waits for the client's connection.close-ok).
 */
public record DecodeError(ProtocolException error) {
}
