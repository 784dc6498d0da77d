package io.mensajero.scenarios.course;

import io.mensajero.client.Event;
import io.mensajero.client.EventType;
import io.mensajero.client.ExchangeType;
import io.mensajero.client.MessagingPattern;
import io.mensajero.client.Producer;
import io.mensajero.client.Publisher;
import io.mensajero.client.Receiver;
import io.mensajero.client.StagedProducer;
import io.mensajero.client.Subscriber;
import io.mensajero.client.Worker;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static io.mensajero.scenarios.course.Course.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client module does what the commands do, in-process, through its builder API: each
 * pattern's {@code run()} blocks and reports events; {@code stop()} from another thread ends it.
 */
class LibraryRunsThePatternsInProcess {

    @EachBroker
    void producerToReceiverAndStagedStoppedFromAnotherThread(BrokerUnderTest broker) throws Exception {
        String queue = Names.unique("hello");
        Events received = new Events();
        Receiver receiver = Receiver.builder().uri(broker.uri()).queue(queue).listener(received).build();
        try {
            CompletableFuture<Event> receiving = runInBackground(receiver, received);
            Producer.send().uri(broker.uri()).queue(queue).body("hi {n}").count(3).build().run();
            await().atMost(WAIT).until(() -> received.bodies(EventType.RECEIVED).size() == 3);

            // The listener stops the producer, as another thread would, when the third message is sent.
            Events staged = new Events();
            AtomicReference<StagedProducer> stopper = new AtomicReference<>();
            StagedProducer producer = StagedProducer.builder().uri(broker.uri()).queue(queue).stages(3).perStage(2)
                    .pause(Duration.ofMillis(200)).stagePause(Duration.ofMillis(200)).listener(event -> {
                        staged.accept(event);
                        // Only on the third "sent": stop() reports "stopping" to this listener too,
                        // from the other thread, while it holds the pattern's lock.
                        if (event.type() == EventType.SENT && staged.bodies(EventType.SENT).size() == 3) {
                            CompletableFuture.runAsync(() -> stopper.get().stop("test")).join();
                        }
                    }).build();
            stopper.set(producer);
            CompletableFuture<Event> staging = runInBackground(producer);
            Event stagedSummary = staging.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            long sent = stagedSummary.number("sent");
            assertThat(sent).as("stopped between the third and the fourth message").isEqualTo(3);
            assertThat(stagedSummary.string("reason")).isEqualTo("test");

            await().atMost(WAIT).until(() -> received.bodies(EventType.RECEIVED).size() == 3 + sent);
            receiver.stop();
            Event summary = receiving.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(summary.number("received")).isEqualTo(3 + sent);
            assertThat(received.bodies(EventType.RECEIVED).subList(0, 3)).containsExactly("hi 1", "hi 2", "hi 3");
            assertThat(received.bodies(EventType.RECEIVED).subList(3, 3 + (int) sent))
                    .containsExactlyElementsOf(staged.bodies(EventType.SENT));
        } finally {
            receiver.stop();
            BrokerState.deleteQueue(broker, queue);
        }
    }

    @EachBroker
    void taskToWorkerAndPublisherToSubscriber(BrokerUnderTest broker) throws Exception {
        String queue = Names.unique("task_queue");
        String exchange = Names.unique("business_events");
        try {
            Producer.task().uri(broker.uri()).queue(queue).body("job.{n}").count(2).build().run();
            Events work = new Events();
            Event workSummary = Worker.builder().uri(broker.uri()).queue(queue).dotDuration(Duration.ofMillis(100))
                    .count(2).listener(work).build().run();
            assertThat(workSummary.number("acked")).isEqualTo(2);
            assertThat(work.bodies(EventType.ACKED)).containsExactly("job.1", "job.2");
            assertThat(work.of(EventType.RECEIVED)).allMatch(e -> e.number("workMs") == 100);

            Events subscribed = new Events();
            Subscriber subscriber = Subscriber.builder().uri(broker.uri()).exchange(exchange)
                    .type(ExchangeType.DIRECT).bindingKey("buyer").count(1).listener(subscribed).build();
            CompletableFuture<Event> subscribing = runInBackground(subscriber, subscribed);
            Publisher.builder().uri(broker.uri()).exchange(exchange).type(ExchangeType.DIRECT).routingKey("seller")
                    .body("SELLER_LEFT_ID").build().run();
            Publisher.builder().uri(broker.uri()).exchange(exchange).type(ExchangeType.DIRECT).routingKey("buyer")
                    .build().run();
            assertThat(subscribing.get(WAIT.toSeconds(), TimeUnit.SECONDS).number("received")).isEqualTo(1);
            assertThat(subscribed.bodies(EventType.RECEIVED)).containsExactly("BUYER_ARRIVED_ID");
        } finally {
            BrokerState.deleteQueue(broker, queue);
            BrokerState.deleteExchange(broker, exchange);
        }
    }

    /** Runs the pattern on another thread. */
    private static CompletableFuture<Event> runInBackground(MessagingPattern pattern) {
        return CompletableFuture.supplyAsync(pattern::run);
    }

    /** Runs a consuming pattern on another thread; returns once its consumer is registered. */
    private static CompletableFuture<Event> runInBackground(MessagingPattern pattern, Events events) {
        CompletableFuture<Event> run = runInBackground(pattern);
        await().atMost(WAIT).until(() -> !events.of(EventType.CONSUMING).isEmpty() || run.isDone());
        return run;
    }

    /** A listener keeping every event. */
    private static final class Events implements java.util.function.Consumer<Event> {
        private final List<Event> events = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Event event) {
            events.add(event);
        }

        List<Event> of(EventType type) {
            return events.stream().filter(e -> e.is(type)).collect(Collectors.toList());
        }

        List<String> bodies(EventType type) {
            return of(type).stream().map(e -> e.string("body")).collect(Collectors.toList());
        }
    }
}
