package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.model.QueueFlowTest.TestConsumer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Length limits, priorities, consumer priorities and single active consumer, driven through
 * MessageQueue as the broker drives it (the differential scenarios check the same on RabbitMQ).
 */
class QueueArgumentsAppliedTest {
    private final VirtualHost vhost = new VirtualHost("/", new MemoryGauge(Long.MAX_VALUE), new ManualTimers());

    private MessageQueue queue(Object... keysAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            args.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        boolean quorum = "quorum".equals(args.get("x-queue-type"));
        return vhost.declareQueue("q" + System.nanoTime(), quorum, false, false, args, null);
    }

    private static Message message(String body) {
        return new Message("", "q", new byte[] {0, 0}, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A persistent message with a priority: delivery_mode then priority octets after the flags. */
    private static Message prioritized(String body, int priority) {
        return new Message("", "q", new byte[] {0x18, 0, 2, (byte) priority}, body.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> drain(MessageQueue q) {
        List<String> out = new ArrayList<>();
        for (QueueEntry e; (e = q.get(true)) != null; ) {
            out.add(new String(e.message().body(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void dropHeadKeepsTheNewestWithinBothLimits() {
        MessageQueue count = queue("x-max-length", 2);
        for (String b : List.of("m1", "m2", "m3")) {
            assertThat(count.enqueue(message(b))).isNotEqualTo(MessageQueue.REFUSED);
        }
        assertThat(drain(count)).containsExactly("m2", "m3");
        MessageQueue bytes = queue("x-max-length-bytes", 10L);
        for (String b : List.of("aaaa", "bbbb", "cccc")) {
            bytes.enqueue(message(b));
        }
        assertThat(bytes.readyBytes()).isEqualTo(8);
        assertThat(drain(bytes)).containsExactly("bbbb", "cccc");
        assertThat(bytes.readyBytes()).isZero();
    }

    @Test
    void aRequeueOverTheLimitDropsTheHead() {
        MessageQueue q = queue("x-max-length", 2);
        q.enqueue(message("m1"));
        QueueEntry taken = q.get(false);
        q.enqueue(message("m2"));
        q.enqueue(message("m3"));
        q.requeue(List.of(taken));
        assertThat(drain(q)).containsExactly("m2", "m3");
    }

    @Test
    void rejectPublishRefusesWhatWouldGoOverAndUnackedMessagesDoNotCount() {
        MessageQueue q = queue("x-max-length", 1, "x-overflow", "reject-publish");
        assertThat(q.enqueue(message("taken"))).isZero();
        QueueEntry out = q.get(false);
        assertThat(q.enqueue(message("ready"))).isZero();
        assertThat(q.enqueue(message("over"))).isEqualTo(MessageQueue.REFUSED);
        q.ack(out);
        assertThat(drain(q)).containsExactly("ready");
        assertThat(q.enqueue(message("fits"))).isZero();
    }

    @Test
    void aQuorumQueueTakesOnePastTheLimitAndRefusesUntilBackTo80Percent() {
        MessageQueue q = queue("x-queue-type", "quorum", "x-max-length", 5, "x-overflow", "reject-publish");
        for (int i = 0; i < 6; i++) {
            assertThat(q.enqueue(message("m" + i))).as("message %d", i).isNotEqualTo(MessageQueue.REFUSED);
        }
        assertThat(q.enqueue(message("refused"))).isEqualTo(MessageQueue.REFUSED);
        q.get(true);
        assertThat(q.enqueue(message("still refused at 5"))).isEqualTo(MessageQueue.REFUSED);
        q.get(true);
        assertThat(q.enqueue(message("taken at 4"))).isNotEqualTo(MessageQueue.REFUSED);
    }

    @Test
    void prioritiesGoOutHighestFirstAndRequeuedOnesKeepTheirPlace() {
        MessageQueue q = queue("x-max-priority", 5);
        q.enqueue(prioritized("p1", 1));
        q.enqueue(prioritized("p5", 5));
        q.enqueue(message("none"));
        q.enqueue(prioritized("p200-capped", 200));
        QueueEntry first = q.get(false);
        assertThat(first.message().priority()).isEqualTo(5);
        q.enqueue(prioritized("p3", 3));
        q.requeue(List.of(first));
        assertThat(drain(q)).containsExactly("p5", "p200-capped", "p3", "p1", "none");
    }

    @Test
    void dropHeadDropsTheHighestPriorityAsRabbitMqDoes() {
        MessageQueue q = queue("x-max-priority", 5, "x-max-length", 2);
        q.enqueue(prioritized("low", 1));
        q.enqueue(prioritized("high", 5));
        q.enqueue(prioritized("mid", 3));
        assertThat(drain(q)).containsExactly("mid", "low");
    }

    @Test
    void theHighestConsumerThatCanTakeIsServedAndEqualOnesTakeTurns() {
        MessageQueue q = queue();
        PriorityConsumer low = new PriorityConsumer(-1);
        PriorityConsumer highA = new PriorityConsumer(4);
        PriorityConsumer highB = new PriorityConsumer(4);
        q.addConsumer(low);
        q.addConsumer(highA);
        q.addConsumer(highB);
        for (int i = 0; i < 4; i++) {
            q.enqueue(message("m" + i));
        }
        assertThat(highA.received + highB.received).isEqualTo(4);
        assertThat(highA.received).isEqualTo(2);
        highA.prefetchFull = true;
        highB.prefetchFull = true;
        q.enqueue(message("to the low one"));
        assertThat(low.received).isEqualTo(1);
    }

    @Test
    void aSingleActiveConsumerTakesEverythingUntilItLeaves() {
        MessageQueue q = queue("x-single-active-consumer", true);
        TestConsumer first = new TestConsumer();
        TestConsumer second = new TestConsumer();
        q.addConsumer(first);
        q.addConsumer(second);
        q.enqueue(message("a"));
        q.enqueue(message("b"));
        assertThat(first.received).isEqualTo(2);
        first.prefetchFull = true;
        q.enqueue(message("waits"));
        assertThat(second.received).isZero();
        assertThat(q.messageCount()).isEqualTo(1);
        q.removeConsumer(first);
        q.dispatch();
        assertThat(second.received).isEqualTo(1);
        assertThat(q.consumerCount()).isEqualTo(1);
    }

    @Test
    void aQuorumQueueCountsOnlyItsActiveConsumer() {
        MessageQueue q = queue("x-queue-type", "quorum", "x-single-active-consumer", true);
        q.addConsumer(new TestConsumer());
        q.addConsumer(new TestConsumer());
        assertThat(q.consumerCount()).isEqualTo(1);
    }

    private static final class PriorityConsumer extends TestConsumerBase {
        private final int priority;

        PriorityConsumer(int priority) {
            this.priority = priority;
        }

        @Override
        public int priority() {
            return priority;
        }
    }

    private static class TestConsumerBase implements Consumer {
        boolean prefetchFull;
        int received;

        @Override
        public String tag() {
            return "c";
        }

        @Override
        public boolean noAck() {
            return true;
        }

        @Override
        public boolean exclusive() {
            return false;
        }

        @Override
        public boolean canTake() {
            return !prefetchFull;
        }

        @Override
        public void deliver(MessageQueue queue, QueueEntry entry) {
            received++;
        }

        @Override
        public void cancelledByBroker(MessageQueue queue) {
        }
    }
}
