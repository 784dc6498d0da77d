package io.mensajero.broker.internal.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a stream's records on the store thread: from a segment (and a position in it, when an
 * earlier read gave one) through the segments after it, skipping records before the offset
 * asked for. Immutable inputs, so the loop builds it and the store thread runs it.
 */
final class StreamReader {
    private static final Logger LOG = LoggerFactory.getLogger(StreamReader.class);

    private final QueueFiles files;
    private final String description;
    private final List<Integer> segmentIds;
    private final int startOff;
    private final long fromOffset;
    private final int maxCount;
    private final long maxBytes;

    StreamReader(QueueFiles files, String description, List<Integer> segmentIds, int startOff, long fromOffset,
                 int maxCount, long maxBytes) {
        this.files = files;
        this.description = description;
        this.segmentIds = segmentIds;
        this.startOff = startOff;
        this.fromOffset = fromOffset;
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
    }

    List<StreamLog.Read> read() {
        List<StreamLog.Read> out = new ArrayList<>();
        long bytes = 0;
        boolean first = true;
        for (int id : segmentIds) {
            int from = first ? startOff : 0;
            first = false;
            try (SegmentReader reader = open(id, from)) {
                while (reader != null && out.size() < maxCount && bytes < maxBytes && reader.next()) {
                    long offset = Records.streamOffset(reader.payload());
                    if (offset < fromOffset) {
                        continue;
                    }
                    long timestamp = Records.streamTimestamp(reader.payload());
                    StoredMessage m = Records.parse(reader.payload(), Records.location(id, reader.recordOffset()), false);
                    out.add(new StreamLog.Read(offset, timestamp, m, Records.location(id, reader.offset())));
                    bytes += m.body().length + m.rawProperties().length;
                }
            } catch (IOException e) {
                LOG.error("{}: reading segment {} failed: {}", description, id, e.toString());
            }
            if (out.size() >= maxCount || bytes >= maxBytes) {
                break;
            }
        }
        return out;
    }

    /** The offset of the first record of the (one) segment at or after the timestamp, else {@code fallback}. */
    long locate(long timestampMillis, long fallback) {
        for (int id : segmentIds) {
            try (SegmentReader reader = open(id, 0)) {
                while (reader != null && reader.next()) {
                    if (Records.streamTimestamp(reader.payload()) >= timestampMillis) {
                        return Records.streamOffset(reader.payload());
                    }
                }
            } catch (IOException e) {
                LOG.error("{}: reading segment {} failed: {}", description, id, e.toString());
            }
        }
        return fallback;
    }

    /** The segment from a position, or null when retention deleted it. */
    private SegmentReader open(int id, int from) throws IOException {
        files.flushFor(id);
        Path path = files.segment(id);
        return Files.exists(path) ? new SegmentReader(path, from) : null;
    }
}
