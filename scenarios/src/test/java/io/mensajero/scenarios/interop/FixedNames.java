package io.mensajero.scenarios.interop;

import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.ForeignProcess;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The course scripts use fixed names (hello, task_queue, business_events). On the shared RabbitMQ
 * other runs may use the same names at the same moment, so a scenario checks, at each step, the
 * things only another client could change (consumer counts, message counts, bodies it did not
 * send). On RabbitMQ such a check failing means interference, and the whole attempt is run again
 * (at most {@value #ATTEMPTS} times); on Mensajero's private broker it is a plain failure.
 */
final class FixedNames {
    static final int ATTEMPTS = 3;

    private FixedNames() {
    }

    interface Attempt {
        void run() throws Exception;
    }

    /** Runs the attempt, again on RabbitMQ when another client interfered. */
    static void run(BrokerUnderTest broker, Attempt attempt) throws Exception {
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
                System.err.println("interference on " + broker.name() + ", attempt " + i + " again: " + e.getMessage());
            }
        }
    }

    /** A check only another client on the same names can fail (on RabbitMQ). */
    static void expect(BrokerUnderTest broker, boolean holds, String description) {
        if (holds) {
            return;
        }
        if (broker.isRabbitMq()) {
            throw new Interference(description);
        }
        throw new AssertionError(description);
    }

    /**
     * Runs a wait. When it fails on RabbitMQ and the witness reports another client's hand (the
     * name gone, a consumer process ended because the broker cancelled it), that is interference;
     * otherwise, and always on Mensajero, the failure stands.
     */
    static void await(BrokerUnderTest broker, Runnable wait, Supplier<String> witness) {
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

    /** A witness: the queue is gone, or one of its consumer processes ended by itself. */
    static Supplier<String> queueGoneOrConsumerEnded(BrokerUnderTest broker, String queue, ForeignProcess... consumers) {
        return () -> {
            if (BrokerState.messages(broker, queue) < 0) {
                return queue + " was deleted by another client";
            }
            for (ForeignProcess consumer : consumers) {
                if (!consumer.isAlive()) {
                    return consumer.name() + " ended by itself: the broker cancelled its consumer";
                }
            }
            return null;
        };
    }

    static final class Interference extends RuntimeException {
        Interference(String message) {
            super(message);
        }
    }
}
