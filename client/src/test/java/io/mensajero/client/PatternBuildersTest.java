package io.mensajero.client;

import io.mensajero.client.internal.Bodies;
import io.mensajero.client.internal.Stopper;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatternBuildersTest {

    @Test
    void badValuesAreUsageErrors() {
        assertUsage(() -> Producer.send().count(-1), "the count must not be negative");
        assertUsage(() -> Producer.task().rate(Double.NaN), "rate");
        assertUsage(() -> Receiver.builder().idleTimeout(Duration.ofSeconds(-1)), "idle timeout");
        assertUsage(() -> Worker.builder().prefetch(70_000), "prefetch");
        assertUsage(() -> Worker.builder().prefetch(-1), "prefetch");
        assertUsage(() -> StagedProducer.builder().stages(-2), "stages");
        assertUsage(() -> Subscriber.builder().match("some"), "match");
        assertUsage(() -> ExchangeType.parse("broadcast"), "unknown exchange type 'broadcast'");
        assertUsage(() -> QueueType.parse("stream"), "unknown queue type 'stream' (expected one of classic, quorum)");
        assertUsage(() -> Worker.builder().durable(false).queueType(QueueType.QUORUM).build(), "always durable");
        assertUsage(() -> Producer.task().durable(false).queueType(QueueType.QUORUM).build(), "always durable");
    }

    @Test
    void aQuorumQueueIsDeclaredDurable() {
        assertThat(QueueType.parse("Quorum")).isEqualTo(QueueType.QUORUM);
        assertThat(QueueType.durability(QueueType.QUORUM, false, null)).as("send's hello, made quorum").isTrue();
        assertThat(QueueType.durability(QueueType.CLASSIC, false, false)).isFalse();
        assertThat(QueueType.durability(null, true, null)).isTrue();
    }

    @Test
    void aWakeEndsAPauseWhoseConditionHolds() throws InterruptedException {
        Stopper stopper = new Stopper();
        java.util.concurrent.atomic.AtomicBoolean lost = new java.util.concurrent.atomic.AtomicBoolean();
        Thread losing = new Thread(() -> {
            lost.set(true);
            stopper.wake();
        });
        long start = System.nanoTime();
        losing.start();
        assertThat(stopper.pause(Duration.ofSeconds(30), lost::get)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(stopper.stopped()).isFalse();
        assertThat(stopper.pause(Duration.ofMillis(1), () -> false)).isTrue();
    }

    @Test
    void exchangeTypesAreTheFourOfAmqp() {
        assertThat(ExchangeType.parse("Fanout")).isEqualTo(ExchangeType.FANOUT);
        assertThat(ExchangeType.parse("headers").wireName()).isEqualTo("headers");
    }

    @Test
    void patternsAreNamedAfterTheirCommandUnlessNamed() {
        assertThat(Producer.send().build().name()).isEqualTo("send");
        assertThat(Producer.task().build().name()).isEqualTo("task");
        assertThat(Worker.builder().name("slow").build().name()).isEqualTo("slow");
        assertThat(StagedProducer.builder().build().settings().uri()).isEqualTo("amqp://guest:***@localhost:5672/%2F");
    }

    @Test
    void bodiesNumberMessagesAndDotsSetTheWorkTime() {
        assertThat(Bodies.render("task {n}", 7)).isEqualTo("task 7");
        assertThat(Bodies.workTime("task.....", Duration.ofMillis(200))).isEqualTo(Duration.ofSeconds(1));
        assertThat(Bodies.workTime("no dots", Duration.ofSeconds(1))).isZero();
    }

    @Test
    void aLostConnectionEndsAPauseWithoutAskingToStop() throws InterruptedException {
        Stopper stopper = new Stopper();
        IllegalStateException cause = new IllegalStateException("connection reset");
        Thread losing = new Thread(() -> stopper.connectionLost(cause));
        long start = System.nanoTime();
        losing.start();
        assertThat(stopper.pause(Duration.ofSeconds(30))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(stopper.lost()).isSameAs(cause);
        assertThat(stopper.stopped()).isFalse();
        assertThat(stopper.pause(Duration.ofSeconds(30))).as("and every later pause").isFalse();
    }

    @Test
    void aStopEndsAPauseEarly() throws InterruptedException {
        Stopper stopper = new Stopper();
        Thread stopping = new Thread(() -> stopper.stop("SIGINT"));
        long start = System.nanoTime();
        stopping.start();
        boolean completed = stopper.pause(Duration.ofSeconds(30));
        assertThat(completed).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(stopper.reason()).isEqualTo("SIGINT");
        assertThat(stopper.stop("SIGTERM")).as("only the first stop counts").isFalse();
        assertThat(stopper.reason()).isEqualTo("SIGINT");
    }

    @Test
    void anEventKeepsItsFieldsInOrder() {
        Event event = Event.of(EventType.SENT, "send", "queue", "hello", "seq", 1, "body", "Hello World!");
        assertThat(event.fields().keySet()).containsExactly("queue", "seq", "body");
        assertThat(event.number("seq")).isEqualTo(1);
        assertThat(event.type().wireName()).isEqualTo("sent");
    }

    private static void assertUsage(Runnable action, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(MensajeroException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.USAGE);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
