package io.mensajero.scenarios.course;

import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.ForeignProcess;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The course's Python scripts use fixed names ({@code hello}, {@code task_queue},
 * {@code business_events}). On the shared RabbitMQ another run may use the same name at the
 * same moment: delete the queue, cancel our consumer, or send its own "Hello World!". A scenario
 * therefore names the signs only another client could leave; when one shows on RabbitMQ the
 * whole attempt runs again (at most {@value #ATTEMPTS} times). On Mensajero's private broker
 * nobody else is there, and every failure stands.
 */
final class SharedNames {
    static final int ATTEMPTS = 3;

    private SharedNames() {
    }

    interface Attempt {
        void run() throws Exception;
    }

    static void attempt(BrokerUnderTest broker, Attempt attempt) throws Exception {
        List<String> seen = new ArrayList<>();
        for (int i = 1; ; i++) {
            try {
                attempt.run();
                return;
            } catch (Interference e) {
                seen.add(e.getMessage());
                if (i == ATTEMPTS) {
                    throw new AssertionError("other clients kept using the course's fixed names on "
                            + broker.name() + ": " + seen, e);
                }
                System.err.println("interference on " + broker.name() + " (attempt " + i + "), again: " + e.getMessage());
            }
        }
    }

    /**
     * Runs a check. If it fails on RabbitMQ and the witness names another client's hand, the
     * attempt is retried; otherwise the failure stands.
     */
    static void check(BrokerUnderTest broker, Runnable check, Supplier<String> witness) {
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

    /** A witness: the queue vanished, or a consumer ended without being asked to. */
    static Supplier<String> queueGoneOrConsumerEnded(BrokerUnderTest broker, String queue, ForeignProcess... consumers) {
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

    static final class Interference extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interference(String message) {
            super(message);
        }
    }
}
