package io.mensajero.broker.internal.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the next messages of a queue's on-disk tail, on the store thread: from the cursor,
 * through the segments that follow, skipping records found dead at recovery, up to a count or a
 * number of bytes. Immutable inputs, so the loop can build it and the store thread run it.
 */
final class TailReader {
    private static final Logger LOG = LoggerFactory.getLogger(TailReader.class);

    private final QueueFiles files;
    private final String description;
    private final int startSeg;
    private final int startOff;
    private final Map<Integer, int[]> segments;
    private final int maxCount;
    private final long maxBytes;
    private final int generation;
    private final int redeliveredUpTo;
    private final long[] redelivered;

    TailReader(QueueFiles files, String description, int startSeg, int startOff, Map<Integer, int[]> segments,
               int maxCount, long maxBytes, int generation, int redeliveredUpTo, long[] redelivered) {
        this.files = files;
        this.description = description;
        this.startSeg = startSeg;
        this.startOff = startOff;
        this.segments = segments;
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
        this.generation = generation;
        this.redeliveredUpTo = redeliveredUpTo;
        this.redelivered = redelivered;
    }

    QueueLog.ReadResult read() {
        List<StoredMessage> out = new ArrayList<>(Math.min(maxCount, 4096));
        long bytes = 0;
        int seg = startSeg;
        int off = startOff;
        for (Map.Entry<Integer, int[]> e : segments.entrySet()) {
            int id = e.getKey();
            int from = id == startSeg ? startOff : 0;
            seg = id;
            off = from;
            Path path = files.segment(id);
            try {
                files.flushFor(id);
                if (!Files.exists(path)) {
                    continue;
                }
                try (SegmentReader reader = new SegmentReader(path, from)) {
                    while (out.size() < maxCount && bytes < maxBytes && reader.next()) {
                        int at = reader.recordOffset();
                        off = reader.offset();
                        if (isDead(e.getValue(), at) || (id <= redeliveredUpTo && !Records.persistent(reader.payload()))) {
                            continue;
                        }
                        long location = Records.location(id, at);
                        boolean again = id <= redeliveredUpTo || Arrays.binarySearch(redelivered, location) >= 0;
                        StoredMessage m = Records.parse(reader.payload(), location, again);
                        out.add(m);
                        bytes += m.body().length + m.rawProperties().length;
                    }
                    off = reader.offset();
                    if (reader.torn() != null) {
                        LOG.error("{}: segment {} unreadable at offset {} ({})", description, id, reader.offset(),
                                reader.torn());
                    }
                }
            } catch (IOException ex) {
                LOG.error("{}: reading segment {} failed: {}", description, id, ex.toString());
            }
            if (out.size() >= maxCount || bytes >= maxBytes) {
                break;
            }
        }
        return new QueueLog.ReadResult(out, seg, off, generation);
    }

    private static boolean isDead(int[] dead, int offset) {
        return dead != null && Arrays.binarySearch(dead, offset) >= 0;
    }
}
