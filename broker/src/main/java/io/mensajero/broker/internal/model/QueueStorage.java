package io.mensajero.broker.internal.model;

import io.mensajero.broker.internal.store.QueueLog;
import io.mensajero.broker.internal.store.Store;
import io.mensajero.broker.internal.store.StoredMessage;

import java.util.List;
import java.util.function.Consumer;

/**
 * A queue's side of the store: it decides what goes to disk and turns what comes back into
 * queue entries. A durable queue (not exclusive) writes its persistent messages, so they survive
 * a restart; any queue pages messages out past its in-memory window ({@link #WINDOW_MESSAGES},
 * {@link #WINDOW_BYTES}, much less under memory pressure) and reads them back ahead of its
 * consumers. Without a data directory nothing is written and nothing is paged.
 */
final class QueueStorage {
    static final int WINDOW_MESSAGES = 4096;
    static final long WINDOW_BYTES = 4L * 1024 * 1024;
    static final int PRESSURE_WINDOW_MESSAGES = 64;
    static final long PRESSURE_WINDOW_BYTES = 256L * 1024;

    private final MessageQueue queue;
    private final Store store;
    private final boolean durable;
    private QueueLog log;

    QueueStorage(MessageQueue queue, Store store, boolean durable, QueueLog recovered) {
        this.queue = queue;
        this.store = store;
        this.durable = durable;
        this.log = recovered;
        if (log == null && durable && store != null) {
            log = store.durableQueue(queue.vhost().name(), queue.name(), false);
        }
    }

    boolean enabled() {
        return store != null;
    }

    /** Messages on disk only (paged out, or recovered), not yet read back. */
    int tailCount() {
        return log == null ? 0 : log.tailCount();
    }

    int windowMessages(MemoryGauge gauge) {
        return gauge.paging() ? PRESSURE_WINDOW_MESSAGES : WINDOW_MESSAGES;
    }

    long windowBytes(MemoryGauge gauge) {
        return gauge.paging() ? PRESSURE_WINDOW_BYTES : WINDOW_BYTES;
    }

    /** Whether a new message goes to disk rather than into the in-memory head. */
    boolean shouldPage(int headMessages, long headBytes, MemoryGauge gauge) {
        return store != null && (tailCount() > 0 || headMessages >= windowMessages(gauge)
                || headBytes >= windowBytes(gauge));
    }

    private QueueLog log() {
        if (log == null) {
            log = store.scratchQueue(queue.describe());
        }
        return log;
    }

    private boolean persisting(Message m) {
        return durable && log != null && m.persistent();
    }

    /** Writes a paged-out message; its heap counts in the gauge until it is written. Returns its sync number. */
    long pageOut(Message m, long ttl, MemoryGauge gauge) {
        boolean persistent = persisting(m);
        long cost = m.heapCost();
        gauge.add(cost);
        QueueLog l = log();
        l.append(m, persistent, wallExpiry(ttl), true, cost);
        return persistent ? l.lastSyncSeq() : 0;
    }

    /** An entry for a message kept in memory; persistent messages of durable queues are written too. */
    QueueEntry keep(long seq, Message m, long ttl, long expiresAt) {
        if (!persisting(m)) {
            return new QueueEntry(seq, m, expiresAt);
        }
        long location = log.append(m, true, wallExpiry(ttl), false, 0);
        return new QueueEntry(seq, m, expiresAt, location, true);
    }

    /** The sync number the entry's confirm waits for (0: none). */
    long syncOf(QueueEntry e) {
        return e.persisted ? log.lastSyncSeq() : 0;
    }

    /** The entry left the queue for good (acked, dropped): its record dies. */
    void settle(QueueEntry e) {
        if (e.persisted) {
            e.message.settled();
        }
        if (e.location >= 0 && log != null) {
            log.settle(e.location, e.persisted);
        }
    }

    /** Reads ahead when the head runs short and messages wait on disk. */
    void readAhead(int headMessages, long headBytes, MemoryGauge gauge, Consumer<List<StoredMessage>> then) {
        if (log == null || log.tailCount() == 0 || log.reading()) {
            return;
        }
        int window = windowMessages(gauge);
        if (headMessages < Math.max(1, window / 2)) {
            log.read(window - headMessages, Math.max(windowBytes(gauge) - headBytes, 1), then);
        }
    }

    /**
     * basic.get found the head empty and messages on disk: reads them now (unless a read is in
     * flight): a few, or a whole window for a priority queue, which orders what it holds in memory.
     */
    void readSoon(Consumer<List<StoredMessage>> then, boolean wholeWindow) {
        if (log != null && log.tailCount() > 0) {
            log.read(wholeWindow ? WINDOW_MESSAGES : PRESSURE_WINDOW_MESSAGES,
                    wholeWindow ? WINDOW_BYTES : Long.MAX_VALUE, then);
        }
    }

    /** A message read back from disk, as an entry of this queue. */
    QueueEntry entry(long seq, StoredMessage sm, Timers timers) {
        Message m = new Message(sm.exchange(), sm.routingKey(), sm.rawProperties(), sm.body());
        long expiresAt = Long.MAX_VALUE;
        if (sm.expiresAtEpochMillis() != 0) {
            expiresAt = timers.now() + (sm.expiresAtEpochMillis() - System.currentTimeMillis());
        }
        QueueEntry e = new QueueEntry(seq, m, expiresAt, sm.location(), durable && sm.persistent());
        e.redelivered = sm.redelivered();
        return e;
    }

    int purgeTail() {
        return log == null ? 0 : log.purgeTail();
    }

    void delete() {
        if (log != null) {
            log.delete();
        }
    }

    /** A clean stop: the locations of ready messages delivered before, so they come back redelivered. */
    void closeClean(Iterable<QueueEntry> ready) {
        if (log == null) {
            return;
        }
        if (!durable) {
            log.delete();
            return;
        }
        long[] again = new long[64];
        int n = 0;
        for (QueueEntry e : ready) {
            if (e.redelivered && e.location >= 0) {
                if (n == again.length) {
                    again = java.util.Arrays.copyOf(again, n * 2);
                }
                again[n++] = e.location;
            }
        }
        log.closeClean(java.util.Arrays.copyOf(again, n));
    }

    private static long wallExpiry(long ttl) {
        return ttl < 0 ? 0 : System.currentTimeMillis() + ttl;
    }
}
