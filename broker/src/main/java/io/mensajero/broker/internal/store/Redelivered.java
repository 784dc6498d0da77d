package io.mensajero.broker.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A queue's {@code redelivered} file, written at a clean stop: the locations of ready messages
 * that had been delivered before (requeued), so they come back marked redelivered, as RabbitMQ's
 * do. After a crash it is not needed: every recovered message comes back redelivered.
 */
final class Redelivered {
    static final String FILE = "redelivered";

    private Redelivered() {
    }

    static void write(Path dir, long[] locations) throws IOException {
        if (locations.length == 0 || !Files.isDirectory(dir)) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(8 * locations.length);
        for (long l : locations) {
            b.putLong(l);
        }
        b.flip();
        Path tmp = dir.resolve(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(false);
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads and removes the file; sorted locations, empty when there is none. */
    static long[] take(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return new long[0];
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        long[] out = new long[b.remaining() / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getLong();
        }
        Files.delete(file);
        Arrays.sort(out);
        return out;
    }
}
