package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos test's work queue in miniature, on the model with a real store: persistent messages
 * on a durable queue that pages most of them to disk, consumers with prefetch 1 that ack, and
 * consumers that die holding a message (their channel requeues it, as a SIGKILLed worker's
 * connection does). Every message must be acked in the end. The store's thread is real; what it
 * posts back runs on the test's thread, so the model stays single-threaded as in the broker.
 */
class KilledConsumersOnAPagedQueueLoseNothingTest {
    private static final byte[] PERSISTENT = {0x10, 0x00, 0x02};

    @TempDir
    Path dir;

    private final BlockingQueue<Runnable> loop = new LinkedBlockingQueue<>();
    private MemoryGauge gauge;
    private Store store;
    private MessageQueue q;
    private final BitSet acked = new BitSet();

    /** A worker: prefetch 1, its message held until it acks or dies. */
    private final class Worker implements Consumer {
        final List<QueueEntry> held = new ArrayList<>();
        boolean alive = true;

        @Override
        public String tag() {
            return "w";
        }

        @Override
        public boolean noAck() {
            return false;
        }

        @Override
        public boolean exclusive() {
            return false;
        }

        @Override
        public boolean canTake() {
            return alive && held.isEmpty();
        }

        @Override
        public void deliver(MessageQueue queue, QueueEntry entry) {
            assertThat(alive).as("delivered to a dead worker").isTrue();
            held.add(entry);
        }

        @Override
        public void cancelledByBroker(MessageQueue queue) {
        }

        void ack() {
            QueueEntry e = held.remove(0);
            acked.set(ByteBuffer.wrap(e.message.body()).getInt());
            q.ack(e);
            q.dispatch();
        }

        /** SIGKILL: the consumer leaves, then what it held goes back (AmqpChannel.release). */
        void die() {
            alive = false;
            q.removeConsumer(this);
            List<QueueEntry> back = new ArrayList<>(held);
            held.clear();
            q.requeue(back);
        }
    }

    @BeforeEach
    void open() {
        openStore();
    }

    private void openStore() {
        store = Store.open(dir, 0, loop::add, new Store.Listener() {
            @Override
            public void synced(long upTo) {
            }

            @Override
            public void released(long heapBytes) {
                gauge.add(-heapBytes);
            }

            @Override
            public void diskAlarm(boolean raised) {
            }
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyMessageIsAckedInTheEnd(long seed) throws Exception {
        Random random = new Random(seed);
        gauge = new MemoryGauge(seed % 2 == 0 ? 50_000 : 1L << 30);
        VirtualHost vhost = new VirtualHost("/", gauge, new ManualTimers(), store);
        q = vhost.declareQueue("q", true, false, false, Map.of(), null);
        int total = 20_000;
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Worker w = new Worker();
            workers.add(w);
            q.addConsumer(w);
        }
        int published = 0;
        int restarts = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acked.cardinality() < total) {
            assertThat(System.nanoTime()).as("all acked in time; acked " + acked.cardinality() + ", ready "
                    + q.messageCount() + ", missing " + missing(total)).isLessThan(deadline);
            if (restarts < 3 && published >= (restarts + 1) * total / 8) {
                // the broker is SIGKILLed: what the workers held is gone with it, the store recovers
                restarts++;
                store.close();
                loop.clear();
                openStore();
                vhost = new VirtualHost("/", gauge, new ManualTimers(), store);
                vhost.recoverQueue("q", false, Map.of());
                q = vhost.lookupQueue("q");
                for (int i = 0; i < workers.size(); i++) {
                    workers.get(i).alive = false;
                    Worker w = new Worker();
                    workers.set(i, w);
                    q.addConsumer(w);
                }
            }
            int action = random.nextInt(100);
            if (action < 40 && published < total) {
                for (int i = 0; i < 1 + random.nextInt(20) && published < total; i++) {
                    byte[] body = new byte[100];
                    ByteBuffer.wrap(body).putInt(published++);
                    q.enqueue(new Message("", "q", PERSISTENT, body));
                }
            } else if (action < 85) {
                Worker w = workers.get(random.nextInt(workers.size()));
                if (!w.held.isEmpty()) {
                    w.ack();
                }
            } else if (action < 87) {
                int at = random.nextInt(workers.size());
                workers.get(at).die();
                Worker w = new Worker();
                workers.set(at, w);
                q.addConsumer(w);
            } else {
                Runnable task = loop.poll(random.nextInt(3) == 0 ? 1 : 0, TimeUnit.MILLISECONDS);
                if (task != null) {
                    task.run();
                }
            }
        }
        assertThat(missing(total)).isEmpty();
        assertThat(q.messageCount()).isZero();
    }

    private List<Integer> missing(int total) {
        List<Integer> out = new ArrayList<>();
        for (int i = acked.nextClearBit(0); i < total && out.size() < 20; i = acked.nextClearBit(i + 1)) {
            out.add(i);
        }
        return out;
    }
}
