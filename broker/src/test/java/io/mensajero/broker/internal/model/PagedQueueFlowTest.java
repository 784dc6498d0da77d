package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.model.QueueFlowTest.RecordingSender;
import io.mensajero.broker.internal.model.QueueFlowTest.TestConsumer;
import io.mensajero.broker.internal.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.mensajero.broker.internal.model.QueueFlowTest.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flow control on a queue that pages to the store: the backlog it weighs is the queue's ready
 * messages in memory and on disk. The store's thread is real; what it posts back to the loop runs
 * on the test's thread ({@link #pumpUntil}), so the model stays single-threaded as in the broker.
 */
class PagedQueueFlowTest {
    @TempDir
    Path dir;

    private final BlockingQueue<Runnable> loop = new LinkedBlockingQueue<>();
    /** Small, so that the queue keeps a short head in memory and pages the rest out. */
    private final MemoryGauge gauge = new MemoryGauge(10_000);
    private final RecordingSender publisher = new RecordingSender();
    private Store store;
    private MessageQueue q;

    @BeforeEach
    void open() {
        store = PagingStores.open(dir, loop, gauge);
        VirtualHost vhost = new VirtualHost("/", gauge, new ManualTimers(), store);
        q = vhost.declareQueue("q", false, false, false, Map.of(), null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Runs what the store posts back to the loop until the condition holds (30 s at most). */
    private void pumpUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the condition in time").isLessThan(deadline);
            Runnable task = loop.poll(100, TimeUnit.MILLISECONDS);
            if (task != null) {
                task.run();
            }
        }
    }

    /** A consumer whose socket is full, and a backlog at the high mark, most of it on disk. */
    private TestConsumer heldWithTheBacklogOnDisk() {
        TestConsumer c = new TestConsumer();
        c.room = 10;
        q.addConsumer(c);
        publish(q, publisher, 10 + QueueFlow.HIGH);
        assertThat(publisher.events).containsExactly("held");
        assertThat(q.backlog()).isEqualTo(QueueFlow.HIGH);
        assertThat(q.backlog() - q.pagedOut()).as("in memory: far below the high mark").isLessThan(QueueFlow.LOW);
        return c;
    }

    @Test
    void aQueueThatPagesItsBacklogAndHasNoConsumerKeepsGranting() {
        publish(q, publisher, QueueFlow.HIGH * 5);
        assertThat(q.backlog()).isEqualTo(QueueFlow.HIGH * 5);
        assertThat(q.pagedOut()).as("paged out").isGreaterThan(QueueFlow.HIGH * 4);
        assertThat(q.flow().granting()).isTrue();
        assertThat(publisher.events).isEmpty();
    }

    @Test
    void aConsumerWaitingOnItsSocketHoldsThePublisherUntilTheBacklogOnDiskIsDownToTheLowMark() throws Exception {
        TestConsumer c = heldWithTheBacklogOnDisk();

        c.drained(q, QueueFlow.HIGH - QueueFlow.LOW - 1);
        pumpUntil(() -> q.backlog() == QueueFlow.LOW + 1 && c.room == 0);
        assertThat(publisher.events).as("read back from disk and delivered, but above the low mark")
                .containsExactly("held");

        c.drained(q, 1);
        pumpUntil(() -> publisher.events.size() == 2);
        assertThat(publisher.events).containsExactly("held", "released");
        assertThat(q.backlog()).isEqualTo(QueueFlow.LOW);
    }

    @Test
    void aConsumerWaitingOnTheDiskDoesNotReleaseThePublisher() throws Exception {
        TestConsumer c = heldWithTheBacklogOnDisk();

        c.drained(q, Integer.MAX_VALUE - c.room);
        assertThat(q.backlog()).as("the head is delivered, the rest is still on disk").isGreaterThan(QueueFlow.LOW);
        assertThat(publisher.events).as("its socket is free, but it waits on the store").containsExactly("held");

        pumpUntil(() -> publisher.events.size() == 2);
        assertThat(q.backlog()).as("released at the low mark").isLessThanOrEqualTo(QueueFlow.LOW);
        pumpUntil(() -> q.backlog() == 0);
        assertThat(c.received).isEqualTo(10 + QueueFlow.HIGH);
    }

    @Test
    void aPurgeOfAPagedBacklogReleasesThePublisher() throws Exception {
        heldWithTheBacklogOnDisk();
        assertThat(q.purge()).isEqualTo(QueueFlow.HIGH);
        assertThat(publisher.events).containsExactly("held", "released");
    }
}
