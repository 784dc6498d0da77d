package io.mensajero.client;

/** What happened. {@link #wireName()} is the name used in JSON output and docs/events.md. */
public enum EventType {
    /** The connection to the broker is open. */
    CONNECTED("connected"),
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
    /** A worker acknowledged a delivery. */
    ACKED("acked"),
    /** A worker with automatic acknowledgement finished a delivery's work. */
    DONE("done"),
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
