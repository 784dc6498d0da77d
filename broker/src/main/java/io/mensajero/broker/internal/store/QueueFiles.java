package io.mensajero.broker.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * A queue's files as the store's thread sees them: its directory, the segment being written
 * (through a buffer, at the offsets the loop assigned), and the ack files. Used by the store
 * thread only.
 */
final class QueueFiles {
    private static final int WRITE_BUFFER = 512 * 1024;
    /** Write buffers are lent for one batch and come back at its end, so many queues share a few. */
    private static final ThreadLocal<java.util.ArrayDeque<ByteBuffer>> BUFFERS =
            ThreadLocal.withInitial(java.util.ArrayDeque::new);

    final Path dir;
    final boolean durable;
    private FileChannel writing;
    private int writingSegment = -1;
    private ByteBuffer buffer;
    private long bufferAt;
    private final Map<Integer, FileChannel> acks = new HashMap<>();
    private final ByteBuffer ackBuffer = ByteBuffer.allocate(16 * 1024);
    private int ackSegment = -1;
    private boolean needsSync;
    private boolean deleted;

    QueueFiles(Path dir, boolean durable) {
        this.dir = dir;
        this.durable = durable;
    }

    static String segmentName(int id) {
        return String.format("%08d.seg", id);
    }

    static String acksName(int id) {
        return String.format("%08d.acks", id);
    }

    Path segment(int id) {
        return dir.resolve(segmentName(id));
    }

    /** Writes a record at (segment, offset); a new segment gets its header first. */
    void append(int segment, int offset, Storable m, boolean persistent, long expiresAt) throws IOException {
        append(segment, offset, m, persistent, expiresAt, -1, 0);
    }

    /** {@link #append}, for a stream's record when {@code streamOffset >= 0} (with its timestamp). */
    void append(int segment, int offset, Storable m, boolean persistent, long expiresAt, long streamOffset,
                long timestamp) throws IOException {
        if (deleted) {
            return;
        }
        if (segment != writingSegment) {
            openForWriting(segment);
        }
        if (buffer == null) {
            ByteBuffer b = BUFFERS.get().poll();
            buffer = b != null ? b : ByteBuffer.allocateDirect(WRITE_BUFFER);
            buffer.clear();
        }
        int headSize = Records.size(m, expiresAt != 0) - m.body().length
                + (streamOffset >= 0 ? Records.STREAM_FIELDS : 0);
        if (buffer.position() > 0 && bufferAt + buffer.position() != offset) {
            flush();
        }
        if (buffer.position() == 0) {
            bufferAt = offset;
        }
        if (buffer.remaining() < headSize + m.body().length) {
            flush();
            bufferAt = offset;
        }
        if (buffer.remaining() >= headSize + m.body().length) {
            Records.writeHead(buffer, m, persistent, expiresAt, streamOffset, timestamp);
            buffer.put(m.body());
        } else {
            ByteBuffer head = ByteBuffer.allocate(headSize);
            Records.writeHead(head, m, persistent, expiresAt, streamOffset, timestamp);
            head.flip();
            writeFully(head, offset);
            writeFully(ByteBuffer.wrap(m.body()), offset + headSize);
            bufferAt = offset + headSize + m.body().length;
        }
        if (persistent && durable) {
            needsSync = true;
        }
    }

    private void openForWriting(int segment) throws IOException {
        flush();
        if (writing != null) {
            if (needsSync) {
                writing.force(false);
            }
            writing.close();
        }
        Files.createDirectories(dir);
        Path path = segment(segment);
        boolean fresh = !Files.exists(path);
        writing = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        writingSegment = segment;
        if (fresh || writing.size() < Records.HEADER_SIZE) {
            ByteBuffer header = ByteBuffer.allocate(Records.HEADER_SIZE).putLong(0, Records.MAGIC);
            writeFully(header, 0);
            if (durable) {
                syncDirectory();
            }
        }
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        long at = position;
        while (b.hasRemaining()) {
            at += writing.write(b, at);
        }
    }

    /** Writes what is buffered. */
    void flush() throws IOException {
        if (buffer != null && buffer.position() > 0) {
            buffer.flip();
            writeFully(buffer, bufferAt);
            bufferAt += buffer.limit();
            buffer.clear();
        }
    }

    /** Flushes and, when persistent records were written, fsyncs the segment. */
    void sync() throws IOException {
        flush();
        flushAcks();
        if (buffer != null) {
            java.util.ArrayDeque<ByteBuffer> pool = BUFFERS.get();
            if (pool.size() < 4) {
                pool.push(buffer);
            }
            buffer = null;
        }
        if (needsSync && writing != null) {
            writing.force(false);
        }
        needsSync = false;
    }

    /**
     * Notes a settled record in its segment's ack file: buffered, written at the end of the batch
     * (so a process crash keeps it), fsynced only at close.
     */
    void ack(int segment, int offset) throws IOException {
        if (deleted) {
            return;
        }
        if (segment != ackSegment || !ackBuffer.hasRemaining()) {
            flushAcks();
            ackSegment = segment;
        }
        ackBuffer.putInt(offset);
    }

    private void flushAcks() throws IOException {
        if (ackBuffer.position() == 0) {
            return;
        }
        ackBuffer.flip();
        FileChannel ch = acks.get(ackSegment);
        if (ch == null && Files.exists(segment(ackSegment))) {
            ch = FileChannel.open(dir.resolve(acksName(ackSegment)), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            acks.put(ackSegment, ch);
        }
        while (ch != null && ackBuffer.hasRemaining()) {
            ch.write(ackBuffer);
        }
        ackBuffer.clear();
    }

    /** Acks every record of the segment from {@code offset} to its end (a purged tail). */
    void ackFrom(int segment, int offset) throws IOException {
        if (segment == writingSegment) {
            flush();
        }
        Path path = segment(segment);
        if (deleted || !Files.exists(path)) {
            return;
        }
        try (SegmentReader reader = new SegmentReader(path, offset)) {
            while (reader.next()) {
                ack(segment, reader.recordOffset());
            }
        }
    }

    void deleteSegment(int segment) throws IOException {
        if (segment == ackSegment) {
            ackBuffer.clear();
        }
        if (segment == writingSegment) {
            flush();
            writing.close();
            writing = null;
            writingSegment = -1;
        }
        FileChannel ch = acks.remove(segment);
        if (ch != null) {
            ch.close();
        }
        Files.deleteIfExists(segment(segment));
        Files.deleteIfExists(dir.resolve(acksName(segment)));
    }

    /** Makes sure what a reader wants to read has been written. */
    void flushFor(int segment) throws IOException {
        if (segment == writingSegment) {
            flush();
        }
    }

    void delete() throws IOException {
        ackBuffer.clear();
        closeAll(false);
        deleted = true;
        Store.deleteTree(dir);
    }

    void closeAll(boolean sync) throws IOException {
        flushAcks();
        if (writing != null) {
            flush();
            if (sync) {
                writing.force(false);
            }
            writing.close();
            writing = null;
            writingSegment = -1;
        }
        for (FileChannel ch : acks.values()) {
            if (sync) {
                ch.force(false);
            }
            ch.close();
        }
        acks.clear();
    }

    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be fsynced; the segment's own fsync still runs
        }
    }
}
