package io.mensajero.broker.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One queue's messages on disk, as the broker's loop keeps track of them. Records are appended to
 * the queue's own segment files at offsets the loop assigns; the store thread writes them. The
 * queue's on-disk tail (messages paged out and not yet read back) is one contiguous run of
 * records from a cursor to the end, so the loop keeps only a count and the cursor, plus a few
 * numbers per segment ({@link Segment}): no per-message state for what is on disk.
 *
 * <p>Confined to the broker's loop.
 */
public final class QueueLog {
    private final Store store;
    private final QueueFiles files;
    private final String description;
    private final TreeMap<Integer, Segment> segments = new TreeMap<>();
    private int writeSeg;
    private int writeOff = Records.HEADER_SIZE;
    private int cursorSeg;
    private int cursorOff;
    private int tailCount;
    private int generation;
    private CompletableFuture<ReadResult> inFlight;
    private long lastSyncSeq;
    private boolean deleted;
    /** Segments up to this id were found at start; their messages come back redelivered after a crash. */
    private int recoveredUpTo = -1;
    private boolean crashRecovered;
    private long[] redelivered = new long[0];

    QueueLog(Store store, QueueFiles files, String description) {
        this.store = store;
        this.files = files;
        this.description = description;
    }

    record ReadResult(List<StoredMessage> messages, int nextSeg, int nextOff, int generation) {
    }

    public boolean durable() {
        return files.durable;
    }

    /** Messages on disk and not yet read back. */
    public int tailCount() {
        return tailCount;
    }

    public boolean reading() {
        return inFlight != null;
    }

    /** The sync number the last persistent append must reach before its confirm; 0 if none. */
    public long lastSyncSeq() {
        return lastSyncSeq;
    }

    /**
     * Appends a message and returns its location. {@code toTail}: it goes to the on-disk tail
     * (paged out, the queue no longer holds it in memory); else the queue keeps it in memory and
     * the record is there to survive a restart. {@code heapCost} is released to the memory gauge
     * once written.
     */
    public long append(Storable m, boolean persistent, long expiresAtEpochMillis, boolean toTail, long heapCost) {
        int size = Records.size(m, expiresAtEpochMillis != 0);
        if (writeOff > Records.HEADER_SIZE && writeOff + (long) size > store.segmentSize()) {
            roll();
        }
        Segment s = segments.get(writeSeg);
        if (s == null) {
            s = new Segment(writeSeg, null);
            segments.put(writeSeg, s);
        }
        int seg = writeSeg;
        int off = writeOff;
        writeOff += size;
        s.live++;
        if (toTail) {
            s.tailLeft++;
            tailCount++;
        } else if (tailCount == 0) {
            cursorSeg = writeSeg;
            cursorOff = writeOff;
        }
        long seq = persistent && files.durable ? store.nextSyncSeq() : 0;
        lastSyncSeq = seq;
        QueueFiles f = files;
        store.submit(io -> {
            f.append(seg, off, m, persistent, expiresAtEpochMillis);
            io.touched(f);
            if (seq > 0) {
                io.synced(seq);
            }
            if (heapCost > 0) {
                io.released(heapCost);
            }
        });
        return Records.location(seg, off);
    }

    private void roll() {
        Segment old = segments.get(writeSeg);
        writeSeg++;
        writeOff = Records.HEADER_SIZE;
        if (old != null && old.live == 0) {
            drop(old);
        }
    }

    /** A message that was read back or kept in memory is settled (acked, dropped): its record dies. */
    public void settle(long location, boolean persistent) {
        if (deleted) {
            return;
        }
        Segment s = segments.get(Records.segmentOf(location));
        if (s == null) {
            return;
        }
        if (persistent && files.durable) {
            QueueFiles f = files;
            int seg = s.id;
            int off = Records.offsetOf(location);
            store.submit(io -> {
                f.ack(seg, off);
                io.touched(f);
            });
        }
        if (--s.live == 0 && s.id != writeSeg) {
            drop(s);
        }
    }

    private void drop(Segment s) {
        segments.remove(s.id);
        QueueFiles f = files;
        int id = s.id;
        store.submit(io -> f.deleteSegment(id));
    }

    /**
     * Reads up to {@code maxCount} messages (or about {@code maxBytes}) from the head of the tail,
     * off the loop; {@code then} runs on the loop with them, in order. One read at a time.
     */
    public void read(int maxCount, long maxBytes, Consumer<List<StoredMessage>> then) {
        if (inFlight != null || tailCount == 0 || deleted) {
            return;
        }
        CompletableFuture<ReadResult> future = new CompletableFuture<>();
        inFlight = future;
        TailReader reader = new TailReader(files, description, cursorSeg, cursorOff, snapshot(),
                Math.min(maxCount, tailCount), maxBytes, generation, crashRecovered ? recoveredUpTo : -1, redelivered);
        store.submit(io -> {
            future.complete(reader.read());
            io.post(() -> apply(future, then));
        });
    }

    private void apply(CompletableFuture<ReadResult> future, Consumer<List<StoredMessage>> then) {
        if (future != inFlight) {
            return;
        }
        inFlight = null;
        ReadResult r = future.join();
        if (deleted || r.generation() != generation) {
            return;
        }
        for (StoredMessage m : r.messages()) {
            Segment s = segments.get(Records.segmentOf(m.location()));
            if (s != null) {
                s.tailLeft--;
            }
        }
        if (r.messages().isEmpty()) {
            store.lost(description, tailCount);
            tailCount = 0;
        } else {
            tailCount -= r.messages().size();
        }
        cursorSeg = r.nextSeg();
        cursorOff = r.nextOff();
        if (tailCount == 0) {
            cursorSeg = writeSeg;
            cursorOff = writeOff;
        }
        then.accept(r.messages());
    }

    private Map<Integer, int[]> snapshot() {
        Map<Integer, int[]> ids = new TreeMap<>();
        for (Segment s : segments.tailMap(cursorSeg, true).values()) {
            ids.put(s.id, s.dead);
        }
        return ids;
    }

    /** Drops the whole tail (queue.purge); returns how many messages it held. */
    public int purgeTail() {
        int n = tailCount;
        if (n == 0 || deleted) {
            tailCount = 0;
            return n;
        }
        QueueFiles f = files;
        for (Segment s : new ArrayList<>(segments.tailMap(cursorSeg, true).values())) {
            if (s.tailLeft == 0) {
                continue;
            }
            if (f.durable) {
                int id = s.id;
                int from = id == cursorSeg ? cursorOff : 0;
                store.submit(io -> {
                    f.ackFrom(id, from);
                    io.touched(f);
                });
            }
            s.live -= s.tailLeft;
            s.tailLeft = 0;
            if (s.live == 0 && s.id != writeSeg) {
                drop(s);
            }
        }
        tailCount = 0;
        generation++;
        inFlight = null;
        cursorSeg = writeSeg;
        cursorOff = writeOff;
        return n;
    }

    /** The queue is deleted: its files go. */
    public void delete() {
        if (!deleted) {
            deleted = true;
            generation++;
            inFlight = null;
            QueueFiles f = files;
            store.submit(io -> f.delete());
            store.forget(this);
        }
    }

    /** At a clean stop: which ready messages are to come back redelivered, then close the files. */
    public void closeClean(long[] redeliveredLocations) {
        QueueFiles f = files;
        store.submit(io -> {
            Redelivered.write(f.dir, redeliveredLocations);
            f.closeAll(true);
        });
    }

    // ---- recovery ----

    /** Called by {@link Recovery} with what it found on disk. */
    void recovered(List<Segment> found, boolean crashed, long[] redeliveredAtStop) {
        int total = 0;
        for (Segment s : found) {
            segments.put(s.id, s);
            total += s.live;
        }
        if (!found.isEmpty()) {
            cursorSeg = found.get(0).id;
            cursorOff = 0;
            recoveredUpTo = found.get(found.size() - 1).id;
            writeSeg = recoveredUpTo + 1;
        }
        tailCount = total;
        crashRecovered = crashed;
        redelivered = redeliveredAtStop;
        if (total == 0) {
            cursorSeg = writeSeg;
            cursorOff = writeOff;
        }
    }

    QueueFiles files() {
        return files;
    }

    @Override
    public String toString() {
        return description;
    }
}
