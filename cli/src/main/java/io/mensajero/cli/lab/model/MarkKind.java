package io.mensajero.cli.lab.model;

/** What a mark on a participant's lane stands for. */
public enum MarkKind {
    /** The participant connected (its process is up). */
    STARTED,
    /** A message was published and confirmed by the broker. */
    SENT,
    /** A delivery arrived ({@link Mark#redelivered()} says whether the broker had delivered it before). */
    RECEIVED,
    /** A worker published the delivery's message to its next queue. */
    FORWARDED,
    /** A worker acknowledged a delivery. */
    ACKED,
    /** A worker's work on a delivery failed; it goes round the retry queue or back to its queue (detail: why). */
    RETRIED,
    /** A worker gave up on a delivery after its last attempt: the broker dead-letters it (detail: the dead-letter queue). */
    DEAD_LETTERED,
    /** A worker with auto-ack finished a delivery's work. */
    DONE,
    /** A message the broker confirmed that nobody received and no queue holds. */
    LOST,
    /** The lab sent the participant a signal (detail: SIGINT or SIGTERM). */
    SIGNAL,
    /** The lab killed the participant (SIGKILL). */
    KILLED,
    /** The participant's process ended (value: the exit code). */
    EXITED,
    /** The participant reported an error (detail: the message). */
    FAILED,
    /** The lab asked the broker how many messages a queue holds (detail: queue, value: ready messages). */
    DEPTH,
    /** The participant lost its connection (detail: the address, host:port). */
    CONNECTION_LOST,
    /** The participant reconnected (detail: the address it reconnected to; value: ms since the loss). */
    RECONNECTED,
    /** A worker gave up a delivery whose connection was lost (the broker requeued it). */
    ABANDONED,
    /** The lab killed a broker node (broker lane; detail: the node's address). */
    NODE_KILLED,
    /** The lab started a killed broker node again (broker lane; detail: its address; value: ms it took). */
    NODE_RESTARTED
}
