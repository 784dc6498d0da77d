package io.mensajero.cli.lab.model;

/**
 * A delivery as the timeline shows it: where it arrived, whether it was a redelivery, and
 * whether and when the participant settled it (a receiver with auto-ack settles on arrival; a
 * worker when it acks, or finishes with auto-ack). {@code settledAt} is -1 when it never was.
 * {@code failedAt} is when a worker's work on it failed and it went round a retry queue, back to its
 * queue or to the dead-letter queue (-1 when it did not).
 */
public record Delivery(String lane, String body, String correlationId, long seq, long receivedAt, boolean redelivered,
                       long settledAt, long forwardedAt, long failedAt) {

    public boolean settled() {
        return settledAt >= 0;
    }

    public boolean failed() {
        return failedAt >= 0;
    }

    public boolean forwarded() {
        return forwardedAt >= 0;
    }
}
