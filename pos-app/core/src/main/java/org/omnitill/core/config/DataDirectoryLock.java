package org.omnitill.core.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on a data directory, held for as long as a till process uses it. A
 * second till pointed at the same directory is refused with a message that says what to do,
 * instead of failing deep inside the database driver. The OS drops the lock when the process dies,
 * so a crash never leaves a directory locked.
 */
public final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, creating the directory if needed.
     *
     * @throws DataDirectoryInUseException when another till process holds it
     */
    public static DataDirectoryLock acquire(DataDirectory dir) throws IOException {
        Files.createDirectories(dir.root());
        FileChannel channel = FileChannel.open(dir.lockFile(),
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process, e.g. a second till opened in a test
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new DataDirectoryInUseException(dir);
        }
        channel.truncate(0);
        channel.write(StandardCharsets.UTF_8.encode("pid " + ProcessHandle.current().pid() + "\n"));
        channel.force(true);
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
