package io.mensajero.broker.internal.model;

import io.mensajero.protocol.BasicProperties;
import io.mensajero.protocol.LongString;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {
    private final ManualTimers timers = new ManualTimers();
    private final VirtualHost vhost = new VirtualHost("/", new MemoryGauge(Long.MAX_VALUE), timers);

    private static Message message(String queue, BasicProperties props) {
        return new Message("", queue, props, "body".getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> death(QueueEntry e, int i) {
        List<?> deaths = (List<?>) e.message().properties().headers().get("x-death");
        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) deaths.get(i);
        return d;
    }

    private static String text(Object v) {
        return v instanceof LongString s ? s.toString() : (String) v;
    }

    @Test
    void expiredAtTheHeadOnTheTimerAndDeadLetteredWithTheSmallerTtl() {
        MessageQueue dead = vhost.declareQueue("dead", false, false, false, Map.of(), null);
        MessageQueue q = vhost.declareQueue("q", false, false, false, Map.of("x-message-ttl", 100,
                "x-dead-letter-exchange", "", "x-dead-letter-routing-key", "dead"), null);
        q.enqueue(message("q", BasicProperties.EMPTY.withExpiration("40")));
        q.enqueue(message("q", BasicProperties.EMPTY));
        timers.advance(39);
        assertThat(dead.messageCount()).isZero();
        timers.advance(1);
        assertThat(q.messageCount()).isEqualTo(1);
        QueueEntry first = dead.get(true);
        assertThat(first.message().properties().expiration()).isNull();
        assertThat(text(death(first, 0).get("original-expiration"))).isEqualTo("40");
        assertThat(text(death(first, 0).get("reason"))).isEqualTo("expired");
        timers.advance(60);
        assertThat(q.messageCount()).isZero();
        assertThat(dead.messageCount()).isEqualTo(1);
    }

    @Test
    void aRepeatedDeathCountsUpAndMovesToTheFront() {
        vhost.declareQueue("a", false, false, false, Map.of("x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", "b"), null);
        vhost.declareQueue("b", false, false, false, Map.of("x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", "a"), null);
        MessageQueue a = vhost.lookupQueue("a");
        MessageQueue b = vhost.lookupQueue("b");
        a.enqueue(message("a", BasicProperties.EMPTY));
        a.discard(a.get(false));
        b.discard(b.get(false));
        a.discard(a.get(false));
        QueueEntry e = b.get(true);
        assertThat(death(e, 0)).containsEntry("count", 2L);
        assertThat(text(death(e, 0).get("queue"))).isEqualTo("a");
        assertThat(death(e, 1)).containsEntry("count", 1L);
        assertThat(text(e.message().properties().headers().get("x-first-death-queue"))).isEqualTo("a");
    }

    @Test
    void aFullyAutomaticCycleIsDropped() {
        MessageQueue q = vhost.declareQueue("q", false, false, false, Map.of("x-message-ttl", 0,
                "x-dead-letter-exchange", "", "x-dead-letter-routing-key", "q"), null);
        q.enqueue(message("q", BasicProperties.EMPTY));
        timers.advance(10);
        assertThat(q.messageCount()).isZero();
    }
}
