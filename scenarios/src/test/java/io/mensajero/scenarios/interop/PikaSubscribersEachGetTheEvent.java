package io.mensajero.scenarios.interop;

import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.FixedNames;
import io.mensajero.scenarios.support.ForeignProcess;
import io.mensajero.scenarios.support.Names;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.mensajero.scenarios.interop.Foreign.WAIT;
import static io.mensajero.scenarios.support.FixedNames.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two consumer-v3.py, then producer-v3.py (re-created from the course's, run as the course runs
 * them; the port comes from the pika shim): each
 * subscriber's server-named exclusive queue is bound to the fanout exchange
 * {@code business_events}, so each prints the one event, once.
 */
class PikaSubscribersEachGetTheEvent {
    private static final String BUSINESS_EVENTS = "business_events";
    private static final String RECEIVED = "Event received: BUYER_ARRIVED_ID";

    @EachBroker
    void twoSubscribersThenProducer(BrokerUnderTest broker) throws Exception {
        FixedNames.run(broker, () -> attempt(broker));
    }

    private static void attempt(BrokerUnderTest broker) throws InterruptedException {
        BrokerState.deleteExchange(broker, BUSINESS_EVENTS);
        String probe = Names.unique("probe");
        try (ForeignProcess first = ForeignProcess.pika(broker, "course/consumer-v3.py");
             ForeignProcess second = ForeignProcess.pika(broker, "course/consumer-v3.py")) {
            awaitSubscribed(broker, probe, List.of(first, second));
            Supplier<String> exchangeGone = () -> BrokerState.exchangeExists(broker, BUSINESS_EVENTS)
                    ? null : "business_events was deleted by another client";

            try (ForeignProcess producer = ForeignProcess.pika(broker, "course/producer-v3.py")) {
                assertThat(producer.succeed(WAIT)).containsExactly("BUYER_ARRIVED_ID happened.");
            }
            for (ForeignProcess subscriber : List.of(first, second)) {
                FixedNames.await(broker, () -> subscriber.awaitLine(RECEIVED, WAIT), exchangeGone);
            }
            // A queue is FIFO: once each subscriber printed an end marker published after the
            // event, a duplicate of the event would have been printed before it.
            String end = Names.unique("end");
            awaitSubscribed(broker, end, List.of(first, second));
            for (ForeignProcess subscriber : List.of(first, second)) {
                List<String> events = subscriber.lines().stream()
                        .filter(line -> !line.startsWith("Event received: " + probe)
                                && !line.startsWith("Event received: " + end))
                        .collect(Collectors.toList());
                expect(broker, events.stream().allMatch(RECEIVED::equals),
                        "consumer-v3.py printed an event nobody in this scenario sent: " + events);
                expect(broker, events.size() == 1, "consumer-v3.py printed the event " + events.size()
                        + " times; another producer-v3.py may have run: " + subscriber);
                assertThat(events).as("%s", subscriber).containsExactly(RECEIVED);
            }
        } finally {
            BrokerState.deleteExchange(broker, BUSINESS_EVENTS);
        }
    }

    /**
     * Publishes probe events on the exchange until each subscriber printed one. Their queues have
     * server-chosen names, so this shows when each is bound (before consumer-v3.py declared the
     * exchange a probe is refused, 404), and later that each has printed all events before it.
     */
    private static void awaitSubscribed(BrokerUnderTest broker, String probe, List<ForeignProcess> subscribers)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (int n = 1; !subscribers.stream().allMatch(s -> s.lines().stream()
                .anyMatch(line -> line.startsWith("Event received: " + probe))); n++) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("consumer-v3.py never subscribed: " + subscribers);
            }
            BrokerState.publish(broker, BUSINESS_EVENTS, "", probe + " " + n, WAIT);
            Thread.sleep(Duration.ofMillis(100).toMillis());
        }
    }
}
