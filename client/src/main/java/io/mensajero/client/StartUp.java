package io.mensajero.client;

import io.mensajero.client.internal.Failures;

import java.time.Duration;

/**
 * With recovery, a pattern's start (connect, open its channel, declare, set the prefetch,
 * consume) carries on across a lost connection, as the rest of its run does: a step that fails
 * because the connection was lost is tried again once amqp-client has reconnected, and connecting
 * is tried again while no broker answers, for up to {@link #LIMIT} from the first such failure.
 * A refusal by the broker (a channel error, authentication, access) is never retried. Once the
 * pattern consumes or publishes, its steps are no longer retried: what a lost connection does then
 * is the recovery's business (deliveries abandoned, unconfirmed messages sent again).
 *
 * <p>A retried step leaves nothing behind on the broker: it failed because its connection was
 * lost, and whatever that connection had opened (a channel, a consumer the broker registered
 * before its consume-ok could arrive) went with it. amqp-client records a consumer for its
 * recovery only once consume-ok has come back, so the retried basic.consume and the recovery
 * never both consume for one pattern. A failed connection attempt closes its socket.
 */
final class StartUp {
    /** How long a start is retried across lost connections; as long as a nack is retried. */
    static final Duration LIMIT = ConfirmedPublish.NACKS;
    private static final Duration BACK_OFF = Duration.ofMillis(250);

    private final MessagingPattern pattern;
    private volatile boolean done;
    private long deadline;
    private boolean failing;

    StartUp(MessagingPattern pattern) {
        this.pattern = pattern;
    }

    /** The pattern consumes or publishes: its start is over. */
    void done() {
        done = true;
    }

    /**
     * Decides after a failed start step: true when it should be tried again (the connection is up
     * again, or after a pause while connecting), false when the failure ends the pattern.
     */
    boolean retry(Throwable failure, boolean connecting) throws InterruptedException {
        if (done || !pattern.settings().recovers() || !retriable(failure, connecting)) {
            return false;
        }
        long now = System.nanoTime();
        if (!failing) {
            failing = true;
            deadline = now + LIMIT.toNanos();
        } else if (now - deadline > 0) {
            return false;
        }
        // the loss may not be reported yet: pause, then wait for amqp-client's reconnection
        if (!pattern.stopper.pause(BACK_OFF)) {
            return false;
        }
        return connecting || pattern.awaitConnection();
    }

    private static boolean retriable(Throwable failure, boolean connecting) {
        if (connecting) {
            return failure instanceof MensajeroException
                    && ((MensajeroException) failure).failure() == Failure.UNREACHABLE;
        }
        return Failures.isConnectionLoss(failure);
    }
}
