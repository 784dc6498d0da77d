package io.mensajero.broker.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recovers a stream's segments at start: every record is checked (length, CRC) and a torn or
 * garbled tail is cut at the last good record and logged, as for any queue; then each segment's
 * first offset, record count, size and last timestamp are what the loop keeps. Nothing is dead
 * in a stream: its records are never acked. New records go to a new segment.
 */
final class StreamRecovery {
    private StreamRecovery() {
    }

    /** Fills the log's segments; returns the bytes of damaged records dropped. */
    static long recover(StreamLog log) throws IOException {
        QueueFiles files = log.files();
        long dropped = 0;
        for (int id : Recovery.segmentIds(files.dir)) {
            Path path = files.segment(id);
            StreamSegments.Segment s = null;
            long cutAt;
            long size;
            String torn;
            try (SegmentReader reader = new SegmentReader(path, 0)) {
                while (reader.next()) {
                    long offset = Records.streamOffset(reader.payload());
                    if (offset < 0) {
                        continue;
                    }
                    if (s == null) {
                        s = new StreamSegments.Segment(id, offset);
                    }
                    s.count++;
                    s.lastTimestamp = Records.streamTimestamp(reader.payload());
                }
                torn = reader.torn();
                cutAt = reader.offset();
                size = reader.size();
            }
            dropped += Recovery.cut(log, id, path, torn, cutAt, size);
            if (s == null) {
                Files.deleteIfExists(path);
                continue;
            }
            s.bytes = cutAt;
            log.segments().recovered(s);
        }
        log.segments().seal();
        return dropped;
    }
}
