package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Length limits on a queue that pages to the store (a small memory limit keeps only a short head
 * in memory): drop-head drops the oldest, also when they are on disk, and the byte count follows
 * messages out to disk and back. The store's thread is real; what it posts back runs here.
 */
class PagedLengthLimitTest {
    @TempDir
    Path dir;

    private final BlockingQueue<Runnable> loop = new LinkedBlockingQueue<>();
    private final MemoryGauge gauge = new MemoryGauge(10_000);
    private Store store;
    private VirtualHost vhost;

    @BeforeEach
    void open() {
        store = PagingStores.open(dir, loop, gauge);
        vhost = new VirtualHost("/", gauge, new ManualTimers(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

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

    private List<String> drain(MessageQueue q) throws InterruptedException {
        List<String> out = new ArrayList<>();
        while (q.backlog() > 0) {
            if (q.headOnDisk()) {
                boolean[] back = new boolean[1];
                q.whenReadBack(() -> back[0] = true);
                pumpUntil(() -> back[0]);
                continue;
            }
            out.add(new String(q.get(true).message().body(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void dropHeadKeepsTheNewestWhenMostOfTheQueueIsOnDisk() throws Exception {
        MessageQueue q = vhost.declareQueue("q", false, false, false, Map.of("x-max-length", 300), null);
        for (int i = 0; i < 1000; i++) {
            q.enqueue(new Message("", "q", new byte[] {0, 0}, ("m" + i).getBytes(StandardCharsets.UTF_8)));
            pumpUntil(() -> q.backlog() <= 300);
        }
        assertThat(q.pagedOut()).as("paged out").isPositive();
        List<String> expected = new ArrayList<>();
        for (int i = 700; i < 1000; i++) {
            expected.add("m" + i);
        }
        assertThat(drain(q)).containsExactlyElementsOf(expected);
        assertThat(q.readyBytes()).isZero();
    }

    @Test
    void theByteLimitCountsPagedOutMessages() throws Exception {
        MessageQueue q = vhost.declareQueue("b", false, false, false, Map.of("x-max-length-bytes", 1000L), null);
        for (int i = 0; i < 500; i++) {
            q.enqueue(new Message("", "b", new byte[] {0, 0}, new byte[10]));
            pumpUntil(() -> q.readyBytes() <= 1000);
        }
        assertThat(q.backlog()).isEqualTo(100);
        assertThat(drain(q)).hasSize(100);
        assertThat(q.readyBytes()).isZero();
    }
}
