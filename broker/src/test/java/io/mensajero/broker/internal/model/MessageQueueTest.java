package io.mensajero.broker.internal.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessageQueueTest {
    private final MemoryGauge gauge = new MemoryGauge(1_000);
    private final ManualTimers timers = new ManualTimers();
    private final VirtualHost vhost = new VirtualHost("/", gauge, timers);

    private static Message message(String body) {
        return new Message("", "q", new byte[] {0, 0}, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(QueueEntry e) {
        return new String(e.message().body(), StandardCharsets.UTF_8);
    }

    @Test
    void requeuedMessagesReturnToTheirOriginalPositions() {
        MessageQueue q = vhost.declareQueue("q", false, false, false, Map.of(), null);
        for (String b : List.of("m1", "m2", "m3", "m4", "m5")) {
            q.enqueue(message(b));
        }
        QueueEntry m1 = q.get(false);
        QueueEntry m2 = q.get(false);
        q.get(false);
        QueueEntry m4 = q.get(false);
        q.requeue(List.of(m4, m2));
        assertThat(drain(q)).containsExactly("m2", "m4", "m5");
        q.requeue(List.of(m1));
        assertThat(q.get(true)).satisfies(e -> {
            assertThat(body(e)).isEqualTo("m1");
            assertThat(e.redelivered()).isTrue();
        });
    }

    @Test
    void theGaugeCountsEachMessageOnceWhileAnyQueueHoldsIt() {
        MessageQueue a = vhost.declareQueue("a", false, false, false, Map.of(), null);
        MessageQueue b = vhost.declareQueue("b", false, false, false, Map.of(), null);
        Message m = message("0123456789");
        long cost = m.heapCost();
        assertThat(cost).isGreaterThan(200 + 10);
        a.enqueue(m);
        b.enqueue(m);
        assertThat(gauge.bytes()).isEqualTo(cost);
        a.purge();
        assertThat(gauge.bytes()).isEqualTo(cost);
        QueueEntry e = b.get(false);
        assertThat(gauge.bytes()).isEqualTo(cost);
        b.ack(e);
        assertThat(gauge.bytes()).isZero();
    }

    @Test
    void theAlarmRisesOverTheWatermarkAndClearsUnderIt() {
        List<Boolean> changes = new ArrayList<>();
        gauge.listener(changes::add);
        MessageQueue q = vhost.declareQueue("q", false, false, false, Map.of(), null);
        q.enqueue(new Message("", "q", new byte[] {0, 0}, new byte[600]));
        q.enqueue(new Message("", "q", new byte[] {0, 0}, new byte[600]));
        assertThat(gauge.alarm()).isTrue();
        q.purge();
        assertThat(gauge.alarm()).isFalse();
        assertThat(changes).containsExactly(true, false);
    }

    @Test
    void expiredMessagesLeaveFromTheHeadWhenTheirTimeComes() {
        MessageQueue q = vhost.declareQueue("q", false, false, false, Map.of(), null);
        q.enqueue(expiring("short", "100"));
        q.enqueue(message("forever"));
        q.enqueue(expiring("behind", "10"));
        assertThat(q.messageCount()).isEqualTo(3);
        timers.advance(99);
        assertThat(q.messageCount()).isEqualTo(3);
        timers.advance(1);
        assertThat(q.messageCount()).as("the head expired; the one behind a live message waits").isEqualTo(2);
        assertThat(body(q.get(true))).isEqualTo("forever");
        assertThat(q.messageCount()).as("now at the head, long expired").isZero();
        assertThat(gauge.bytes()).isZero();
    }

    private static Message expiring(String body, String expiration) {
        return new Message("", "q", io.mensajero.protocol.BasicProperties.EMPTY.withExpiration(expiration),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> drain(MessageQueue q) {
        List<String> out = new ArrayList<>();
        QueueEntry e;
        while ((e = q.get(true)) != null) {
            out.add(body(e));
        }
        return out;
    }
}
