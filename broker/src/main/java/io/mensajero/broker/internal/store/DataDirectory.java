package io.mensajero.broker.internal.store;

import io.mensajero.broker.BrokerStartException.Reason;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory: created if missing, checked writable, locked for this broker (a second
 * broker on it is refused), and marked running until a clean stop, so the next start knows
 * whether the last one crashed.
 */
final class DataDirectory {
    static final String LOCK = "lock";
    static final String RUNNING = "running";

    final Path dir;
    private final FileChannel lockFile;
    private final FileLock lock;
    final boolean crashed;

    private DataDirectory(Path dir, FileChannel lockFile, FileLock lock, boolean crashed) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.lock = lock;
        this.crashed = crashed;
    }

    static DataDirectory open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw StoreException.of(Reason.DATA_DIR_CANNOT_CREATE, e,
                    "cannot create the data directory " + dir + " (" + reason(e) + ")", dir, reason(e));
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw StoreException.of(Reason.DATA_DIR_NOT_WRITABLE, null, "the data directory " + dir + " is not writable", dir);
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw notWritable(dir, e);
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            close(ch);
            throw StoreException.of(Reason.DATA_DIR_IN_USE, null, "the data directory " + dir
                    + " is in use by another broker (it holds " + dir.resolve(LOCK) + ")", dir, dir.resolve(LOCK));
        }
        try {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            Path running = dir.resolve(RUNNING);
            boolean crashed = Files.exists(running);
            Files.write(running, new byte[0]);
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException ignored) {
                // a directory that cannot be fsynced: the marker is still there after a process crash
            }
            return new DataDirectory(dir, ch, lock, crashed);
        } catch (IOException e) {
            close(ch);
            throw notWritable(dir, e);
        }
    }

    private static StoreException notWritable(Path dir, IOException e) {
        return StoreException.of(Reason.DATA_DIR_NOT_WRITABLE_BECAUSE, e,
                "the data directory " + dir + " is not writable (" + reason(e) + ")", dir, reason(e));
    }

    /** A clean stop: the running marker goes, then the lock. */
    void closeClean() throws IOException {
        Files.deleteIfExists(dir.resolve(RUNNING));
        release();
    }

    void release() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        close(lockFile);
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (m == null ? "" : ": " + m);
    }
}
