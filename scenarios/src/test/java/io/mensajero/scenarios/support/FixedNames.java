package io.mensajero.scenarios.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The course's scripts use fixed names ({@code hello}, {@code task_queue},
 * {@code business_events}). On the shared RabbitMQ another run may use the same name at the same
 * moment: delete the queue, cancel our consumer, or send its own messages. A scenario therefore
 * names the signs only another client could leave (consumer and message counts, bodies it did
 * not send, a consumer the broker cancelled); when one shows on RabbitMQ the whole attempt runs
 * again (at most {@value #ATTEMPTS} times). On Mensajero's private broker nobody else is there,
 * and every failure stands.
 */
public final class FixedNames {
    static final int ATTEMPTS = 3;

    private FixedNames() {
    }

    /** One attempt at the whole scenario. */
    public interface Attempt {
        void run() throws Exception;
    }

    /** Runs the attempt, again on RabbitMQ when another client interfered. */
    public static void run(BrokerUnderTest broker, Attempt attempt) throws Exception {
        List<String> interference = new ArrayList<>();
        for (int i = 1; ; i++) {
            try {
                attempt.run();
                return;
            } catch (Interference e) {
                interference.add(e.getMessage());
                if (i >= ATTEMPTS) {
                    throw new AssertionError("other clients kept using the course's fixed names on "
                            + broker.name() + ": " + interference, e);
                }
                System.err.println("interference on " + broker.name() + " (attempt " + i + "), again: " + e.getMessage());
            }
        }
    }

    /** A check only another client on the same names can fail (on RabbitMQ). */
    public static void expect(BrokerUnderTest broker, boolean holds, String description) {
        if (holds) {
            return;
        }
        if (broker.isRabbitMq()) {
            throw new Interference(description);
        }
        throw new AssertionError(description);
    }

    /**
     * Runs a wait on a foreign process. When it fails (an AssertionError) on RabbitMQ and the
     * witness reports another client's hand, that is interference; otherwise, and always on
     * Mensajero, the failure stands.
     */
    public static void await(BrokerUnderTest broker, Runnable wait, Supplier<String> witness) {
        try {
            wait.run();
        } catch (AssertionError e) {
            String seen = broker.isRabbitMq() ? witness.get() : null;
            if (seen != null) {
                throw new Interference(seen + " (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    /**
     * Runs a check that may also fail with a RuntimeException (a tool's event that never came).
     * If it fails on RabbitMQ and the witness names another client's hand, the attempt is
     * retried; otherwise the failure stands.
     */
    public static void check(BrokerUnderTest broker, Runnable check, Supplier<String> witness) {
        try {
            check.run();
        } catch (AssertionError | RuntimeException e) {
            String sign = broker.isRabbitMq() ? witness.get() : null;
            if (sign != null) {
                throw new Interference(sign + " (" + firstLine(e.getMessage()) + ")");
            }
            throw e;
        }
    }

    /**
     * A witness: the queue vanished (not looked at when {@code queue} is null), or a consumer
     * process ended without being asked to.
     */
    public static Supplier<String> queueGoneOrConsumerEnded(BrokerUnderTest broker, String queue,
                                                            ForeignProcess... consumers) {
        return () -> {
            if (queue != null && BrokerState.messages(broker, queue) < 0) {
                return "queue " + queue + " was deleted by another client";
            }
            for (ForeignProcess consumer : consumers) {
                if (!consumer.isAlive()) {
                    return consumer.name() + " ended by itself: the broker cancelled its consumer";
                }
            }
            return null;
        };
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** Another client's hand on the fixed names: the attempt is run again. */
    public static final class Interference extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interference(String message) {
            super(message);
        }
    }
}
