package io.mensajero.broker.internal.store;

/**
 * A message read back from a queue's segment files: what was stored, where (its location, for
 * the ack that settles it), whether it was persistent, when it expires (wall clock, ms; 0 for
 * never) and whether it is to be delivered as redelivered.
 */
public record StoredMessage(String exchange, String routingKey, byte[] rawProperties, byte[] body,
                            long location, boolean persistent, long expiresAtEpochMillis,
                            boolean redelivered) {
}
