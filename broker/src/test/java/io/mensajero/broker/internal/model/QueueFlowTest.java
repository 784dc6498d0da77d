package io.mensajero.broker.internal.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's side of flow control, driven through MessageQueue as the broker drives it. */
class QueueFlowTest {
    private final VirtualHost vhost = new VirtualHost("/", new MemoryGauge(Long.MAX_VALUE), new ManualTimers());
    private final MessageQueue q = vhost.declareQueue("q", false, false, false, Map.of(), null);
    private final RecordingSender publisher = new RecordingSender();

    /**
     * A consumer whose socket takes {@code room} more deliveries before it is full (the broker's
     * write buffer over its high-water mark), and whose prefetch may be full.
     */
    static final class TestConsumer implements Consumer {
        int room = Integer.MAX_VALUE;
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
            return room > 0 && !prefetchFull;
        }

        @Override
        public boolean waitsOnSocket() {
            return room == 0 && !prefetchFull;
        }

        @Override
        public void deliver(MessageQueue queue, QueueEntry entry) {
            received++;
            room--;
        }

        @Override
        public void cancelledByBroker(MessageQueue queue) {
        }

        /** The client read some: the socket takes more, and the queue delivers (as on writability). */
        void drained(MessageQueue queue, int deliveries) {
            room += deliveries;
            queue.dispatch();
        }
    }

    static final class RecordingSender implements QueueFlow.Sender {
        final List<String> events = new ArrayList<>();

        @Override
        public void held(QueueFlow by) {
            events.add("held");
        }

        @Override
        public void released(QueueFlow by) {
            events.add("released");
        }
    }

    static void publish(MessageQueue to, RecordingSender sender, int count) {
        for (int i = 0; i < count; i++) {
            to.enqueue(new Message("", to.name(), new byte[] {0, 0}, new byte[10]));
            to.flow().sent(sender);
        }
    }

    /** A consumer whose socket is full, and a backlog just past the high mark: the publisher is held. */
    private TestConsumer heldBehindAFullSocket() {
        TestConsumer c = new TestConsumer();
        c.room = 0;
        q.addConsumer(c);
        publish(q, publisher, QueueFlow.HIGH + 1);
        return c;
    }

    @Test
    void aQueueWithoutConsumersIsABacklogAndKeepsGranting() {
        publish(q, publisher, QueueFlow.HIGH * 5);
        assertThat(q.messageCount()).isEqualTo(QueueFlow.HIGH * 5);
        assertThat(q.flow().granting()).isTrue();
        assertThat(publisher.events).isEmpty();
    }

    @Test
    void aConsumerThatKeepsUpTakesEverythingAndNobodyIsHeld() {
        TestConsumer c = new TestConsumer();
        q.addConsumer(c);
        publish(q, publisher, QueueFlow.HIGH * 5);
        assertThat(c.received).isEqualTo(QueueFlow.HIGH * 5);
        assertThat(publisher.events).isEmpty();
    }

    @Test
    void aConsumerWaitingOnItsSocketStopsTheGrantAtTheHighMarkUntilTheBacklogIsDownToTheLowMark() {
        TestConsumer c = new TestConsumer();
        c.room = 10;
        q.addConsumer(c);
        publish(q, publisher, 10 + QueueFlow.HIGH - 1);
        assertThat(q.messageCount()).isEqualTo(QueueFlow.HIGH - 1);
        assertThat(q.flow().granting()).as("below the high mark").isTrue();

        publish(q, publisher, 1);
        assertThat(q.flow().granting()).isFalse();
        assertThat(publisher.events).as("the message that reached the mark is taken, and holds its sender")
                .containsExactly("held");
        publish(q, publisher, 3);
        assertThat(publisher.events).as("held once, however many messages follow").containsExactly("held");
        assertThat(q.flow().heldCount()).isEqualTo(1);

        c.drained(q, QueueFlow.HIGH + 3 - QueueFlow.LOW - 1);
        assertThat(q.messageCount()).isEqualTo(QueueFlow.LOW + 1);
        assertThat(publisher.events).as("the socket is full again above the low mark").containsExactly("held");

        c.drained(q, 1);
        assertThat(publisher.events).containsExactly("held", "released");
        assertThat(q.flow().granting()).isTrue();
        c.drained(q, Integer.MAX_VALUE - c.room);
        assertThat(c.received).isEqualTo(10 + QueueFlow.HIGH + 3);
    }

    @Test
    void theGrantReturnsWhenTheBacklogIsDownToTheLowMarkEvenIfTheSocketIsStillFull() {
        heldBehindAFullSocket();
        assertThat(publisher.events).containsExactly("held");
        while (q.messageCount() > QueueFlow.LOW + 1) {
            q.get(true);
        }
        assertThat(publisher.events).containsExactly("held");
        q.get(true);
        assertThat(publisher.events).containsExactly("held", "released");
    }

    @Test
    void aConsumerHeldBackByItsPrefetchDoesNotStopTheGrant() {
        TestConsumer c = new TestConsumer();
        c.prefetchFull = true;
        c.room = 0;
        q.addConsumer(c);
        publish(q, publisher, QueueFlow.HIGH * 3);
        assertThat(q.flow().granting()).as("unacked work: the queue is a backlog, like one without consumers")
                .isTrue();
        assertThat(publisher.events).isEmpty();
    }

    @Test
    void onlyPublishersToTheQueueThatStoppedGrantingAreHeld() {
        MessageQueue other = vhost.declareQueue("other", false, false, false, Map.of(), null);
        TestConsumer slow = new TestConsumer();
        slow.room = 0;
        q.addConsumer(slow);
        TestConsumer fast = new TestConsumer();
        other.addConsumer(fast);
        RecordingSender toOther = new RecordingSender();
        publish(q, publisher, QueueFlow.HIGH + 1);
        publish(other, toOther, QueueFlow.HIGH * 3);
        assertThat(publisher.events).containsExactly("held");
        assertThat(toOther.events).isEmpty();
        assertThat(fast.received).isEqualTo(QueueFlow.HIGH * 3);
    }

    @Test
    void whenTheWaitingConsumerLeavesTheBacklogIsAllowedAndPublishersAreReleased() {
        TestConsumer c = heldBehindAFullSocket();
        q.removeConsumer(c);
        assertThat(publisher.events).containsExactly("held", "released");
        publish(q, publisher, QueueFlow.HIGH);
        assertThat(publisher.events).hasSize(2);
    }

    @Test
    void purgeAndDeleteReleasePublishers() {
        heldBehindAFullSocket();
        q.purge();
        assertThat(publisher.events).containsExactly("held", "released");

        publish(q, publisher, QueueFlow.HIGH + 1);
        assertThat(publisher.events).containsExactly("held", "released", "held");
        vhost.deleteQueue(q);
        assertThat(publisher.events).containsExactly("held", "released", "held", "released");
    }

    @Test
    void aForgottenSenderIsNotReleasedLater() {
        heldBehindAFullSocket();
        q.flow().forget(publisher);
        q.purge();
        assertThat(publisher.events).containsExactly("held");
        assertThat(q.flow().heldCount()).isZero();
    }
}
