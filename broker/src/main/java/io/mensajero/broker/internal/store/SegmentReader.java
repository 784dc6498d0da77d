package io.mensajero.broker.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a segment's records in order through a buffer, checking each record's length and CRC.
 * {@link #next()} stops at the end of the file or at the first record that does not check out;
 * {@link #torn()} then says which, and {@link #offset()} is where the good records end.
 */
final class SegmentReader implements AutoCloseable {
    private static final int BUFFER = 256 * 1024;

    private final FileChannel file;
    private final long size;
    private ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private long bufferStart;
    private int offset;
    private int recordOffset;
    private ByteBuffer payload;
    private String torn;

    SegmentReader(Path path, int startOffset) throws IOException {
        this.file = FileChannel.open(path, StandardOpenOption.READ);
        this.size = file.size();
        this.offset = startOffset;
        this.bufferStart = startOffset;
        buffer.limit(0);
        if (startOffset == 0) {
            checkHeader();
        }
    }

    private void checkHeader() throws IOException {
        if (size < Records.HEADER_SIZE) {
            torn = size == 0 ? null : "segment header cut short";
            offset = (int) Math.min(size, Records.HEADER_SIZE);
            return;
        }
        ByteBuffer header = ByteBuffer.allocate(Records.HEADER_SIZE);
        file.read(header, 0);
        if (header.getLong(0) != Records.MAGIC) {
            torn = "not a segment file (bad magic)";
            return;
        }
        offset = Records.HEADER_SIZE;
        bufferStart = offset;
    }

    /** Moves to the next good record; false at the end of the file or at a bad record. */
    boolean next() throws IOException {
        if (torn != null || offset < Records.HEADER_SIZE) {
            return false;
        }
        if (offset == size) {
            return false;
        }
        if (!ensure(Records.RECORD_OVERHEAD)) {
            torn = "record header cut short";
            return false;
        }
        int at = (int) (offset - bufferStart);
        int length = buffer.getInt(at);
        int crc = buffer.getInt(at + 4);
        if (length <= 0 || (long) offset + Records.RECORD_OVERHEAD + length > size) {
            torn = length <= 0 ? "record length " + length : "record cut short";
            return false;
        }
        if (!ensure(Records.RECORD_OVERHEAD + length)) {
            torn = "record cut short";
            return false;
        }
        at = (int) (offset - bufferStart);
        ByteBuffer p = buffer.duplicate();
        p.limit(at + Records.RECORD_OVERHEAD + length).position(at + Records.RECORD_OVERHEAD);
        if (!Records.crcMatches(p, crc)) {
            torn = "CRC mismatch";
            return false;
        }
        payload = p.slice();
        recordOffset = offset;
        offset += Records.RECORD_OVERHEAD + length;
        return true;
    }

    /** Makes {@code n} bytes from the current offset available in the buffer. */
    private boolean ensure(int n) throws IOException {
        long have = bufferStart + buffer.limit() - offset;
        if (have >= n) {
            return true;
        }
        if (offset + (long) n > size) {
            return false;
        }
        if (buffer.capacity() < n) {
            buffer = ByteBuffer.allocate(Math.max(n, BUFFER));
        }
        buffer.clear();
        bufferStart = offset;
        while (buffer.position() < n) {
            int read = file.read(buffer, bufferStart + buffer.position());
            if (read < 0) {
                break;
            }
        }
        buffer.flip();
        return buffer.limit() >= n;
    }

    /** The current record's payload (valid until the next call). */
    ByteBuffer payload() {
        return payload;
    }

    /** Where the current record starts. */
    int recordOffset() {
        return recordOffset;
    }

    /** Where the good records end (after {@link #next()} returned false) or the next one starts. */
    int offset() {
        return offset;
    }

    long size() {
        return size;
    }

    /** Why the reader stopped before the end of the file, or null. */
    String torn() {
        return torn;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
