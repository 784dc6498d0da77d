package io.mensajero.broker.internal.store;

import io.mensajero.broker.BrokerStartException.Reason;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * The broker's data directory at work: definitions, one set of segment files per durable queue
 * ({@code queues/<hash of vhost and name>/}), a scratch area for paging non-durable queues
 * (emptied at start), and the store thread that owns the files. The loop calls it; what it
 * reports comes back on the loop through {@link Listener}.
 */
public final class Store {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    static final long DEFAULT_SEGMENT_SIZE = 8L * 1024 * 1024;

    /** What the store tells the loop. */
    public interface Listener {
        /** Every persistent record with a sync number up to {@code upTo} is on disk (fsynced). */
        void synced(long upTo);

        /** Paged-out messages were written: their heap is free. */
        void released(long heapBytes);

        /** Free disk space went under the limit, or back over it. */
        void diskAlarm(boolean raised);
    }

    private final DataDirectory dataDir;
    private final StoreThread io;
    private final DefinitionLog definitions;
    private final Set<QueueLog> queues = new LinkedHashSet<>();
    private final Set<Path> recoveredDirs = new HashSet<>();
    private final long segmentSize;
    private long nextSyncSeq = 1;
    private long bytesDropped;
    private int nextScratch = 1;

    private Store(DataDirectory dataDir, long diskFreeLimit, long segmentSize, Executor loop, Listener listener)
            throws IOException {
        this.dataDir = dataDir;
        this.segmentSize = segmentSize;
        this.io = new StoreThread(dataDir.dir, diskFreeLimit, loop, new StoreThread.Completion() {
            @Override
            public void batchDone(long syncedUpTo, long releasedHeapBytes) {
                if (releasedHeapBytes > 0) {
                    listener.released(releasedHeapBytes);
                }
                listener.synced(syncedUpTo);
            }

            @Override
            public void diskAlarm(boolean raised, long freeBytes) {
                listener.diskAlarm(raised);
            }
        });
        deleteTree(dataDir.dir.resolve("scratch"));
        this.definitions = DefinitionLog.open(this, dataDir.dir);
        io.definitions(definitions);
    }

    /**
     * Opens (creating it if needed) and locks the data directory, reads the definitions, and
     * starts the store thread. A directory that cannot be used is a {@link StoreException}.
     */
    public static Store open(Path dir, long diskFreeLimit, Executor loop, Listener listener) {
        return open(dir, diskFreeLimit, DEFAULT_SEGMENT_SIZE, loop, listener);
    }

    static Store open(Path dir, long diskFreeLimit, long segmentSize, Executor loop, Listener listener) {
        DataDirectory d = DataDirectory.open(dir.toAbsolutePath().normalize());
        try {
            Store store = new Store(d, diskFreeLimit, segmentSize, loop, listener);
            store.io.start();
            return store;
        } catch (IOException | RuntimeException e) {
            d.release();
            String why = e instanceof IOException io ? DataDirectory.reason(io) : e.toString();
            throw StoreException.of(Reason.DATA_DIR_UNREADABLE, e, "cannot read the data directory " + dir + " ("
                    + why + ")", dir, why);
        }
    }

    public Path dir() {
        return dataDir.dir;
    }

    public DefinitionStore definitions() {
        return definitions;
    }

    /** Whether the previous run stopped without closing the store (a crash, SIGKILL). */
    public boolean crashed() {
        return dataDir.crashed;
    }

    /** A durable queue's log; {@code recover}: read what is on disk first (at start only). */
    public QueueLog durableQueue(String vhost, String name, boolean recover) {
        Path dir = queueDir(vhost, name);
        QueueLog log = new QueueLog(this, new QueueFiles(dir, true),
                "queue '" + name + "' in vhost '" + vhost + "'");
        queues.add(log);
        if (recover) {
            recoveredDirs.add(dir);
            try {
                Recovery.Result r = Recovery.recover(log, dataDir.crashed);
                bytesDropped += r.bytesDropped();
                if (r.messages() > 0 || r.bytesDropped() > 0) {
                    LOG.info("{}: {} messages recovered{}", log, r.messages(),
                            r.bytesDropped() > 0 ? ", " + r.bytesDropped() + " bytes of damaged records dropped" : "");
                }
            } catch (IOException e) {
                throw StoreException.of(Reason.DATA_DIR_UNRECOVERABLE, e,
                        "cannot recover " + log + " (" + DataDirectory.reason(e) + ")", log, DataDirectory.reason(e));
            }
        } else {
            QueueFiles files = log.files();
            submit(t -> deleteTree(files.dir));
        }
        return log;
    }

    /**
     * A stream queue's log, in its directory under {@code queues/} like any durable queue's;
     * {@code recover}: read what is on disk first (at start only), else start empty. Segments hold
     * up to {@code segmentSize} bytes (at most 1 GiB: locations are 32-bit), or the store's
     * segment size when it is null.
     */
    public StreamLog durableStream(String vhost, String name, boolean recover, Long segmentSize) {
        Path dir = queueDir(vhost, name);
        long size = segmentSize == null ? this.segmentSize : Math.max(Records.HEADER_SIZE + 1, Math.min(segmentSize, 1L << 30));
        StreamLog log = new StreamLog(this, new QueueFiles(dir, true), "queue '" + name + "' in vhost '" + vhost + "'",
                size);
        if (recover) {
            recoveredDirs.add(dir);
            try {
                long dropped = StreamRecovery.recover(log);
                bytesDropped += dropped;
                StreamSegments s = log.segments();
                if (s.nextOffset() > 0 || dropped > 0) {
                    LOG.info("{}: stream recovered, offsets {} to {}{}", log, s.firstOffset(), s.nextOffset() - 1,
                            dropped > 0 ? ", " + dropped + " bytes of damaged records dropped" : "");
                }
            } catch (IOException e) {
                throw StoreException.of(Reason.DATA_DIR_UNRECOVERABLE, e,
                        "cannot recover " + log + " (" + DataDirectory.reason(e) + ")", log, DataDirectory.reason(e));
            }
        } else {
            QueueFiles files = log.files();
            submit(t -> deleteTree(files.dir));
        }
        return log;
    }

    private Path queueDir(String vhost, String name) {
        return dataDir.dir.resolve("queues").resolve(hash(vhost + "\0" + name));
    }

    /** A non-durable queue's scratch log, for paging only; gone at the next start. */
    public QueueLog scratchQueue(String description) {
        Path dir = dataDir.dir.resolve("scratch").resolve(Integer.toString(nextScratch++));
        QueueLog log = new QueueLog(this, new QueueFiles(dir, false), description);
        queues.add(log);
        return log;
    }

    /** At start, after recovery: queue directories no durable queue claims are deleted. */
    public void deleteUnclaimedQueues() throws IOException {
        Path root = dataDir.dir.resolve("queues");
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path p : dirs.toList()) {
                if (!recoveredDirs.contains(p)) {
                    LOG.info("store: deleting {}, which no durable queue claims", p);
                    deleteTree(p);
                }
            }
        }
    }

    /** Bytes of damaged records cut from segment files at start (each cut is logged). */
    public long bytesDroppedAtRecovery() {
        return bytesDropped;
    }

    long segmentSize() {
        return segmentSize;
    }

    long nextSyncSeq() {
        return nextSyncSeq++;
    }

    void submit(StoreThread.Task task) {
        io.submit(task);
    }

    void forget(QueueLog log) {
        queues.remove(log);
    }

    void lost(String description, int count) {
        LOG.error("{}: {} messages on disk could not be read back", description, count);
    }

    /**
     * Changes the free disk space limit under which publishers are blocked. It is checked at once;
     * {@code then} runs on the loop after the alarm's change, if any, has been reported.
     */
    public void diskFreeLimit(long bytes, Runnable then) {
        submit(io -> {
            io.diskFreeLimit(bytes);
            io.post(then);
        });
    }

    public long freeDiskSpace() {
        return io.freeSpace();
    }

    /**
     * A clean stop, after the queues wrote what they must ({@link QueueLog#closeClean}): every
     * queued write finishes, files are fsynced and closed, the running marker goes, the lock too.
     */
    public void close() {
        io.stop();
        try {
            definitions.close();
            dataDir.closeClean();
        } catch (IOException e) {
            LOG.error("store: closing {}: {}", dataDir.dir, e.toString());
            dataDir.release();
        }
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** For tests: the queue logs open now. */
    List<QueueLog> openQueues() {
        return List.copyOf(queues);
    }
}
