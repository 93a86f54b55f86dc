package org.signpost.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.signpost.platform.ConfigurationProblem;

/**
 * The one process that may run the embedded PostgreSQL of a data directory: it holds a lock on a
 * file beside the directory for as long as it lives, and the operating system lets the lock go
 * when the process ends, however it ends. So a PostgreSQL found running on the directory while
 * nobody holds the lock is an orphan (its service was killed), and one found while another
 * process holds it belongs to a running service, which a second start must leave alone.
 */
final class DataDirectoryOwner implements AutoCloseable {

    /** The setting that chooses another data directory, for the message to a second start. */
    static final String SETTING = "SIGNPOST_DB_DATA_DIRECTORY";

    /**
     * The lock files this process holds. A second claim here is refused before it opens the file:
     * the operating system drops a process's lock on a file when the process closes any of its
     * descriptors of that file, so a refused claim must not open one.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryOwner(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock's file: beside the data directory, so that it is never part of a copy of the data. */
    static Path lockFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    }

    /**
     * Becomes the data directory's owner, or refuses in one line naming the process that owns it.
     *
     * @throws ConfigurationProblem if another process (or another server of this one) runs on it
     */
    static DataDirectoryOwner claim(Path dataDirectory) {
        Path file = lockFile(dataDirectory).toAbsolutePath().normalize();
        if (!HELD.add(file)) {
            throw inUse(dataDirectory, "pid " + ProcessHandle.current().pid());
        }
        try {
            return claim(dataDirectory, file);
        } catch (RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    private static DataDirectoryOwner claim(Path dataDirectory, Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the lock file " + file + " of the embedded database", e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = owner(file);
                channel.close();
                throw inUse(dataDirectory, owner);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirectoryOwner(file, channel, lock);
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("Could not lock " + file + " for the embedded database", e);
        }
    }

    static ConfigurationProblem inUse(Path dataDirectory, String owner) {
        return new ConfigurationProblem(SETTING, "the embedded database in " + dataDirectory
                + " is in use by another Signpost process (" + owner + "), which is left running;"
                + " stop that one first, or give this one another directory in " + SETTING,
                "Stop the process " + owner + ", or start this one with " + SETTING + "=<another directory>.");
    }

    /** "pid N" as the owner wrote it in the lock file, if it did. */
    private static String owner(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? "pid " + pid : "pid unknown";
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    /** Closing twice is harmless, as {@link java.io.Closeable} asks: a second close must not hide why a caller was closing. */
    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
        } finally {
            channel.close();
            HELD.remove(file);
        }
    }
}
