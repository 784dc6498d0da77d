package io.mensajero.broker.internal.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The store's own thread: the only one that touches the files. The loop hands it tasks through a
 * queue; it runs all that are waiting as one batch, writes them, fsyncs each file that got a
 * persistent record once for the whole batch (group commit), and posts one completion back to
 * the loop: the highest sync number now on disk and the heap the written messages held. Reads
 * of paged-out messages run here too, after the writes queued before them.
 */
final class StoreThread implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreThread.class);
    private static final long DISK_CHECK_NANOS = 1_000_000_000L;
    private static final int MAX_BATCH = 8192;

    /** A unit of work for the store thread. */
    interface Task {
        void run(StoreThread io) throws IOException;
    }

    /** What the loop is told after each batch (run on the loop). */
    interface Completion {
        void batchDone(long syncedUpTo, long releasedHeapBytes);

        void diskAlarm(boolean raised, long freeBytes);
    }

    private final LinkedBlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
    private final Executor loop;
    private final Completion completion;
    private final Path dataDir;
    /** Changed only on this thread. */
    private long diskFreeLimit;
    private final Thread thread;
    private final Set<QueueFiles> touched = new LinkedHashSet<>();
    private volatile boolean running = true;
    private long syncedUpTo;
    private long released;
    private long lastDiskCheck;
    private boolean diskAlarm;
    private DefinitionLog definitions;

    StoreThread(Path dataDir, long diskFreeLimit, Executor loop, Completion completion) {
        this.dataDir = dataDir;
        this.diskFreeLimit = diskFreeLimit;
        this.loop = loop;
        this.completion = completion;
        this.thread = new Thread(this, "mensajero-store");
        this.thread.setDaemon(true);
    }

    void definitions(DefinitionLog log) {
        this.definitions = log;
    }

    void start() {
        thread.start();
    }

    void submit(Task task) {
        tasks.add(task);
    }

    /** Marks a queue's files as written in this batch (flushed, and fsynced if needed, at its end). */
    void touched(QueueFiles files) {
        touched.add(files);
    }

    void synced(long syncSeq) {
        if (syncSeq > syncedUpTo) {
            syncedUpTo = syncSeq;
        }
    }

    void released(long heapBytes) {
        released += heapBytes;
    }

    /** Runs a task on the loop (read results). */
    void post(Runnable r) {
        loop.execute(r);
    }

    @Override
    public void run() {
        List<Task> batch = new ArrayList<>();
        while (running || !tasks.isEmpty()) {
            try {
                Task first = tasks.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    tasks.drainTo(batch, MAX_BATCH);
                    runBatch(batch);
                    batch.clear();
                }
                checkDisk();
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    private void runBatch(List<Task> batch) throws InterruptedException {
        long syncedBefore = syncedUpTo;
        long releasedBefore = released;
        while (true) {
            try {
                for (Task t : batch) {
                    try {
                        t.run(this);
                    } catch (RuntimeException e) {
                        LOG.error("store: a task failed", e);
                    }
                }
                for (QueueFiles f : touched) {
                    f.sync();
                }
                if (definitions != null) {
                    definitions.sync();
                }
                touched.clear();
                break;
            } catch (IOException e) {
                // Typically a full disk: nothing is confirmed, publishers are blocked, and the batch
                // is written again at the same offsets once there is room.
                LOG.error("store: writing failed, retrying in 1 s: {}", e.toString());
                touched.clear();
                syncedUpTo = syncedBefore;
                released = releasedBefore;
                raiseDiskAlarm(true, freeSpace());
                Thread.sleep(1000);
            }
        }
        long upTo = syncedUpTo;
        long bytes = released;
        released = 0;
        if (upTo > syncedBefore || bytes > 0) {
            loop.execute(() -> completion.batchDone(upTo, bytes));
        }
    }

    /** A new free disk space limit (on this thread, as a task), checked at once. */
    void diskFreeLimit(long bytes) {
        diskFreeLimit = bytes;
        lastDiskCheck = System.nanoTime() - DISK_CHECK_NANOS;
        checkDisk();
    }

    private void checkDisk() {
        long now = System.nanoTime();
        if (now - lastDiskCheck < DISK_CHECK_NANOS) {
            return;
        }
        lastDiskCheck = now;
        long free = freeSpace();
        raiseDiskAlarm(free >= 0 && free < diskFreeLimit, free);
    }

    private void raiseDiskAlarm(boolean raised, long free) {
        if (raised != diskAlarm) {
            diskAlarm = raised;
            if (raised) {
                LOG.warn("store: free disk space {} bytes is under the limit {}: publishers blocked", free,
                        diskFreeLimit);
            } else {
                LOG.info("store: free disk space {} bytes is over the limit again", free);
            }
            loop.execute(() -> completion.diskAlarm(raised, free));
        }
    }

    long freeSpace() {
        try {
            FileStore fs = Files.getFileStore(dataDir);
            return fs.getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Stops after the tasks already queued, and waits for it. */
    void stop() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isStoreThread() {
        return Thread.currentThread() == thread;
    }
}
