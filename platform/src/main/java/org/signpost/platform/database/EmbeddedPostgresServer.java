package org.signpost.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real PostgreSQL server, run from binaries shipped in a jar, whose
 * files stay in one directory between runs. Its port is chosen free at each start and it only
 * listens on the loopback interface.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    /** The service's embedded default (see {@link DatabaseProperties#sharedBuffersOrDefault()}). */
    public static final String DEFAULT_SHARED_BUFFERS = "512MB";
    /** WAL kept between checkpoints at most (on disk only while that much is written within one). */
    public static final String MAX_WAL_SIZE = "4GB";
    /** Enough WAL for crash recovery, none for replicas or archives (there are none). */
    public static final String WAL_LEVEL = "minimal";

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /** @param port a fixed port (a server stopped and started again where its clients expect it), or 0 for any free one */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, "128MB");
    }

    /** @param sharedBuffers PostgreSQL's own cache of table and index pages, such as "512MB" */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, String sharedBuffers) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", sharedBuffers)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    // A replay of a million events writes about a gigabyte of rows and indexes; with
                    // the default (1GB, a checkpoint every ~0.5GB of WAL) it forced two or three
                    // checkpoints, each followed by whole-page images of every page touched again.
                    .setServerConfig("max_wal_size", MAX_WAL_SIZE)
                    // Nothing replicates or archives this server's WAL, so it needs only what crash
                    // recovery needs: index builds (a replay rebuilds every read model's indexes)
                    // then write their pages once, to the index, not a second time into the WAL.
                    .setServerConfig("wal_level", WAL_LEVEL)
                    .setServerConfig("max_wal_senders", "0")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Stopped by its owner (the Spring context, after the processors), not by a JVM
                    // hook racing with the context's own shutdown.
                    .setRegisterShutdownHook(false)
                    .start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A service killed without a chance to stop its PostgreSQL leaves that server running on the
     * data directory; the next start would fail on it. Such an orphan is asked to shut down
     * (SIGTERM: no new connections, wait for the old clients, which died with the service).
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
            log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left by an earlier run", pid);
            orphan.destroy();
            Instant deadline = Instant.now().plusSeconds(30);
            while (orphan.isAlive() && Instant.now().isBefore(deadline)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (orphan.isAlive()) {
                orphan.destroyForcibly();
            }
        });
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
