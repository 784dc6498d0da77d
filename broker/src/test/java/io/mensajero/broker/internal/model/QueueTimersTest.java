package io.mensajero.broker.internal.model;

import io.mensajero.protocol.BasicProperties;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A queue's timers on the vhost's deadlines: the head's expiry and x-expires, re-armed as the queue changes. */
class QueueTimersTest {
    private final ManualTimers timers = new ManualTimers();
    private final VirtualHost vhost = new VirtualHost("/", new MemoryGauge(Long.MAX_VALUE), timers);

    private static Message expiring(String body, String expiration) {
        return new Message("", "q", BasicProperties.EMPTY.withExpiration(expiration),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private MessageQueue deadLettered(String name, Map<String, Object> more) {
        Map<String, Object> args = new java.util.HashMap<>(more);
        args.put("x-dead-letter-exchange", "");
        args.put("x-dead-letter-routing-key", "dead");
        return vhost.declareQueue(name, false, false, false, args, null);
    }

    @Test
    void aShorterTtlBehindTheHeadExpiresOnTimeOnceTheHeadIsTaken() {
        MessageQueue dead = vhost.declareQueue("dead", false, false, false, Map.of(), null);
        MessageQueue q = deadLettered("q", Map.of());
        q.enqueue(expiring("long", "100"));
        q.enqueue(expiring("short", "50"));
        timers.advance(10);
        assertThat(new String(q.get(true).message().body(), StandardCharsets.UTF_8)).isEqualTo("long");
        timers.advance(39);
        assertThat(dead.backlog()).as("at 49 ms").isZero();
        timers.advance(1);
        assertThat(dead.backlog()).as("at 50 ms, not at the 100 ms the timer was first set for").isEqualTo(1);
    }

    @Test
    void aHeadDroppedForTheLengthLimitLetsTheNextExpireOnTime() {
        MessageQueue dead = vhost.declareQueue("dead", false, false, false, Map.of(), null);
        MessageQueue q = deadLettered("q", Map.of("x-max-length", 1));
        q.enqueue(expiring("long", "100"));
        q.enqueue(expiring("short", "50"));
        assertThat(dead.backlog()).as("the head dropped as maxlen").isEqualTo(1);
        timers.advance(50);
        assertThat(dead.backlog()).as("the new head expired at its time").isEqualTo(2);
        assertThat(q.backlog()).isZero();
    }

    @Test
    void aBasicGetRestartsTheExpiryCountdown() {
        MessageQueue q = vhost.declareQueue("q", false, false, false, Map.of("x-expires", 100), null);
        timers.advance(60);
        assertThat(q.get(true)).isNull();
        timers.advance(99);
        assertThat(vhost.lookupQueue("q")).as("99 ms after the get").isSameAs(q);
        timers.advance(1);
        assertThat(vhost.lookupQueue("q")).as("100 ms after the get").isNull();
    }

    @Test
    void aConsumerKeepsTheQueueAndItsLeavingRestartsTheCountdown() {
        MessageQueue q = vhost.declareQueue("q", false, false, false, Map.of("x-expires", 100), null);
        QueueFlowTest.TestConsumer idle = new QueueFlowTest.TestConsumer();
        idle.prefetchFull = true;   // it takes nothing: the queue is in use, not drained
        timers.advance(50);
        q.addConsumer(idle);
        timers.advance(500);
        assertThat(vhost.lookupQueue("q")).isSameAs(q);
        q.removeConsumer(idle);
        timers.advance(99);
        assertThat(vhost.lookupQueue("q")).isSameAs(q);
        timers.advance(1);
        assertThat(vhost.lookupQueue("q")).isNull();
    }

    @Test
    void aDeletedQueueLeavesNoTimerBehind() {
        MessageQueue q = vhost.declareQueue("q", false, false, false, Map.of("x-expires", 100, "x-message-ttl", 10), null);
        q.enqueue(expiring("m", "1000"));
        assertThat(vhost.deadlines().pending()).isEqualTo(2);
        vhost.deleteQueue(q);
        assertThat(vhost.deadlines().pending()).isZero();
    }
}
