package io.mensajero.broker.internal.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Recovers a durable queue's segments at start: every record is checked (length, CRC); a torn or
 * garbled tail is cut at the last good record and logged; acked and transient records are dead;
 * segments with nothing live are deleted. Runs before the broker serves anyone.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    /** What recovery found in one queue. */
    record Result(int messages, long bytesDropped) {
    }

    static Result recover(QueueLog log, boolean crashed) throws IOException {
        QueueFiles files = log.files();
        List<Segment> found = new ArrayList<>();
        int messages = 0;
        long dropped = 0;
        for (int id : segmentIds(files.dir)) {
            Path path = files.segment(id);
            int[] acked = readAcks(files.dir.resolve(QueueFiles.acksName(id)));
            IntList dead = new IntList();
            int live = 0;
            long cutAt;
            long size;
            String torn;
            try (SegmentReader reader = new SegmentReader(path, 0)) {
                while (reader.next()) {
                    int at = reader.recordOffset();
                    if (Arrays.binarySearch(acked, at) >= 0 || !Records.persistent(reader.payload())) {
                        dead.add(at);
                    } else {
                        live++;
                    }
                }
                torn = reader.torn();
                cutAt = reader.offset();
                size = reader.size();
            }
            dropped += cut(log, id, path, torn, cutAt, size);
            if (live == 0) {
                Files.deleteIfExists(path);
                Files.deleteIfExists(files.dir.resolve(QueueFiles.acksName(id)));
                continue;
            }
            Segment s = new Segment(id, dead.toArray());
            s.live = live;
            s.tailLeft = live;
            found.add(s);
            messages += live;
        }
        long[] redelivered = crashed ? new long[0] : Redelivered.take(files.dir);
        log.recovered(found, crashed, redelivered);
        return new Result(messages, dropped);
    }

    /**
     * A segment whose reading stopped at a bad record ({@code torn} says why; null: none) is cut
     * there and the cut logged; returns the bytes dropped.
     */
    static long cut(Object log, int id, Path path, String torn, long cutAt, long size) throws IOException {
        if (torn == null) {
            return 0;
        }
        LOG.warn("{}: segment {} cut at offset {} ({}): {} bytes dropped", log, QueueFiles.segmentName(id),
                cutAt, torn, size - cutAt);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.truncate(cutAt);
            ch.force(false);
        }
        return size - cutAt;
    }

    static List<Integer> segmentIds(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{8}\\.seg"))
                    .map(n -> Integer.parseInt(n.substring(0, 8)))
                    .sorted()
                    .toList();
        }
    }

    private static int[] readAcks(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new int[0];
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int[] out = new int[b.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getInt();
        }
        Arrays.sort(out);
        return out;
    }

    /** A growable int array. */
    static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return size == 0 ? null : Arrays.copyOf(values, size);
        }
    }
}
