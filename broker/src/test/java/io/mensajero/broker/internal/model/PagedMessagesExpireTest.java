package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages with a TTL on a queue that pages to the store (a small memory limit keeps a short head
 * in memory): when the head expires, the tail comes back from disk and expires in turn, with
 * nobody publishing to or reading from the queue. The store's thread is real; what it posts back
 * runs here.
 */
class PagedMessagesExpireTest {
    @TempDir
    Path dir;

    private final BlockingQueue<Runnable> loop = new LinkedBlockingQueue<>();
    private final MemoryGauge gauge = new MemoryGauge(10_000);
    private final ManualTimers timers = new ManualTimers();
    private Store store;
    private VirtualHost vhost;

    @BeforeEach
    void open() {
        store = PagingStores.open(dir, loop, gauge);
        vhost = new VirtualHost("/", gauge, timers, store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theTailOnDiskExpiresAfterTheHeadWithNobodyUsingTheQueue() throws Exception {
        MessageQueue dead = vhost.declareQueue("dead", false, false, false, Map.of(), null);
        MessageQueue q = vhost.declareQueue("q", false, false, false, Map.of("x-message-ttl", 100,
                "x-dead-letter-exchange", "", "x-dead-letter-routing-key", "dead"), null);
        for (int i = 0; i < 500; i++) {
            q.enqueue(new Message("", "q", new byte[] {0, 0}, ("m" + i).getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(q.pagedOut()).as("paged out").isPositive();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (q.backlog() > 0) {
            assertThat(System.nanoTime()).as("all expired in time").isLessThan(deadline);
            timers.advance(100);
            Runnable task = loop.poll(100, TimeUnit.MILLISECONDS);
            while (task != null) {
                task.run();
                task = loop.poll();
            }
        }
        assertThat(dead.backlog()).isEqualTo(500);
    }
}
