package io.mensajero.broker.internal.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A stream queue's records on disk: the queue's own segment files in the store, as for any
 * durable queue, but append-only. Every record carries its offset and timestamp; records are
 * never acked, only whole segments are deleted (retention, {@link StreamSegments#retain}), so
 * offsets stay what they were across a restart. Every record is written persistent, whatever
 * its delivery mode (a stream keeps everything), and its publisher confirm waits for the fsync.
 * Reads from any offset run on the store thread and come back on the loop.
 *
 * <p>Confined to the broker's loop.
 */
public final class StreamLog {
    private final Store store;
    private final QueueFiles files;
    private final String description;
    private final StreamSegments segments;
    private boolean deleted;

    StreamLog(Store store, QueueFiles files, String description, long segmentSize) {
        this.store = store;
        this.files = files;
        this.description = description;
        this.segments = new StreamSegments(segmentSize);
    }

    /** A record read back: its offset, its timestamp (epoch ms), the message, and where the next record starts. */
    public record Read(long offset, long timestamp, StoredMessage message, long nextLocation) {
    }

    /** Bytes a message takes in a stream's segment (also how a stream without data directory counts). */
    public static int recordSize(Storable m) {
        return Records.streamSize(m);
    }

    public StreamSegments segments() {
        return segments;
    }

    /**
     * Appends a message at {@code offset} (the next one); returns the sync number its confirm
     * waits for. When this starts a new segment, retention is for the caller to apply
     * ({@link StreamSegments#takeRolled()}, {@link #drop}).
     */
    public long append(Storable m, long offset, long timestamp) {
        int size = Records.streamSize(m);
        StreamSegments.Segment s = segments.add(offset, timestamp, size);
        int seg = s.id;
        int at = (int) (s.bytes - size);
        long seq = store.nextSyncSeq();
        QueueFiles f = files;
        store.submit(io -> {
            f.append(seg, at, m, true, 0, offset, timestamp);
            io.touched(f);
            io.synced(seq);
        });
        return seq;
    }

    /** Deletes segments that retention dropped. */
    public void drop(List<Integer> ids) {
        QueueFiles f = files;
        for (int id : ids) {
            store.submit(io -> f.deleteSegment(id));
        }
    }

    /**
     * Reads up to {@code maxCount} records (or about {@code maxBytes}) from {@code fromOffset} on,
     * off the loop; {@code then} gets them on the loop, in order (records retention deleted
     * meanwhile are skipped). {@code location}: where the record at {@code fromOffset} starts, if
     * an earlier read said so, else -1 (its segment is then read from its start).
     */
    public void read(long fromOffset, long location, int maxCount, long maxBytes, Consumer<List<Read>> then) {
        StreamSegments.Segment s = segments.holding(fromOffset);
        if (s == null || deleted) {
            then.accept(List.of());
            return;
        }
        int startSeg = location >= 0 ? Records.segmentOf(location) : s.id;
        int startOff = location >= 0 ? Records.offsetOf(location) : 0;
        StreamReader reader = new StreamReader(files, description, segments.idsFrom(startSeg), startOff,
                fromOffset, maxCount, maxBytes);
        post(reader::read, then);
    }

    /** The offset of the first record at or after the timestamp (epoch ms), found off the loop. */
    public void locate(long timestampMillis, LongConsumer then) {
        StreamSegments.Segment s = segments.endingAtOrAfter(timestampMillis);
        if (s == null || deleted) {
            then.accept(segments.nextOffset());
            return;
        }
        StreamReader reader = new StreamReader(files, description, List.of(s.id), 0, s.firstOffset, Integer.MAX_VALUE,
                Long.MAX_VALUE);
        long fallback = s.firstOffset + s.count - 1;
        post(() -> reader.locate(timestampMillis, fallback), then::accept);
    }

    private <T> void post(java.util.function.Supplier<T> task, Consumer<T> then) {
        CompletableFuture<T> result = new CompletableFuture<>();
        store.submit(io -> {
            result.complete(task.get());
            io.post(() -> {
                if (!deleted) {
                    then.accept(result.join());
                }
            });
        });
    }

    /** The queue is deleted: its files go. */
    public void delete() {
        if (!deleted) {
            deleted = true;
            QueueFiles f = files;
            store.submit(io -> f.delete());
        }
    }

    /** A clean stop: the files are flushed, fsynced and closed. */
    public void closeClean() {
        QueueFiles f = files;
        store.submit(io -> f.closeAll(true));
    }

    QueueFiles files() {
        return files;
    }

    @Override
    public String toString() {
        return description;
    }
}
