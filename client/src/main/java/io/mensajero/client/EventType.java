package io.mensajero.client;

/** What happened. {@link #wireName()} is the name used in JSON output and docs/events.md. */
public enum EventType {
    /** The connection to the broker is open. */
    CONNECTED("connected"),
    /** The connection was lost; with recovery, the pattern waits for it to come back. */
    CONNECTION_LOST("connection-lost"),
    /** A lost connection was recovered: reconnected, and what it had declared declared again. */
    RECONNECTED("reconnected"),
    /** A queue or an exchange was declared. */
    DECLARED("declared"),
    /** A queue was bound to an exchange. */
    BOUND("bound"),
    /** A consumer is registered and waiting for deliveries. */
    CONSUMING("consuming"),
    /** A message was published and confirmed by the broker. */
    SENT("sent"),
    /** A message was delivered (and, for a worker, its work starts). */
    RECEIVED("received"),
    /** A worker published a delivery's message to its next queue (before acking it). */
    FORWARDED("forwarded"),
    /** A worker's work on a delivery failed (simulated: fail-on, fail-rate; or redelivered after a crash). */
    FAILED("failed"),
    /** A worker sent a failed delivery round its retry queue, to come back after the retry delay. */
    RETRYING("retrying"),
    /** A worker gave a failed delivery back to its queue (nack with requeue). */
    REQUEUED("requeued"),
    /** A worker's last attempt failed: the broker dead-letters the delivery to the dead-letter queue. */
    DEAD_LETTERED("dead-lettered"),
    /** A worker is about to exit abruptly (simulated crash, --crash-on). */
    CRASHING("crashing"),
    /** A worker acknowledged a delivery. */
    ACKED("acked"),
    /** A worker with automatic acknowledgement finished a delivery's work. */
    DONE("done"),
    /** A worker gave up a delivery it cannot ack: the connection it came on was lost, so the broker requeued it. */
    ABANDONED("abandoned"),
    /** A staged producer started a stage. */
    STAGE_STARTED("stage-started"),
    /** A staged producer finished every message of a stage. */
    STAGE_COMPLETED("stage-completed"),
    /** The pattern was asked to stop, or reached its count or idle timeout. */
    STOPPING("stopping"),
    /** The last event of a successful run: the counts. */
    SUMMARY("summary"),
    /** The run failed; the fields say why (only the CLI emits this one). */
    ERROR("error"),
    /** {@code mensajero broker} accepts connections. */
    READY("ready"),
    /** {@code mensajero broker} has closed every connection and stopped listening. */
    STOPPED("stopped");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
