package org.signpost.platform.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.signpost.platform.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real PostgreSQL server, run from binaries shipped in a jar, whose
 * files stay in one directory between runs. Its port is chosen free at each start. It is closed
 * to other local users: it listens on 127.0.0.1 only, has no Unix socket, asks every connection
 * for a password (SCRAM), and the service connects as a role that owns nothing
 * ({@link DatabaseRoles}); the passwords are in a file only the service's user can read.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final DatabaseCredentials credentials;
    private final DataDirectoryOwner owner;

    /** The service's embedded default (see {@link DatabaseProperties#sharedBuffersOrDefault()}). */
    public static final String DEFAULT_SHARED_BUFFERS = "512MB";
    /** WAL kept between checkpoints at most (on disk only while that much is written within one). */
    public static final String MAX_WAL_SIZE = "4GB";
    /** Enough WAL for crash recovery, none for replicas or archives (there are none). */
    public static final String WAL_LEVEL = "minimal";

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, DatabaseCredentials credentials,
                                   DataDirectoryOwner owner) {
        this.postgres = postgres;
        this.credentials = credentials;
        this.owner = owner;
    }

    /** A server on its own, as tests and benchmarks use one in place of an external PostgreSQL. */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /** @param port a fixed port (a server stopped and started again where its clients expect it), or 0 for any free one */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, "128MB", credentialsBeside(dataDirectory));
    }

    /** The passwords of a server started on its own are kept beside its data directory. */
    public static Path credentialsBeside(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".credentials");
    }

    /**
     * @param sharedBuffers   PostgreSQL's own cache of table and index pages, such as "512MB"
     * @param credentialsFile where the passwords of its roles are kept (made on first start)
     * @throws org.signpost.platform.ConfigurationProblem if another process runs a server on the directory
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, String sharedBuffers,
                                               Path credentialsFile) {
        PrivateFiles.createPrivateDirectories(dataDirectory);
        DataDirectoryOwner owner = DataDirectoryOwner.claim(dataDirectory);
        try {
            return start(dataDirectory, port, sharedBuffers, credentialsFile, owner);
        } catch (RuntimeException e) {
            try {
                owner.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, int port, String sharedBuffers,
                                                Path credentialsFile, DataDirectoryOwner owner) {
        try {
            DatabaseCredentials credentials = DatabaseCredentials.readOrCreate(credentialsFile);
            stopOrphanedServer(dataDirectory);
            Path binaries = binariesDirectory(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Not the shared /tmp/embedded-pg, where another local user could plant binaries first.
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPgBinaryResolver(new BinariesUnpackedInto(binaries))
                    .setDataDirectoryCustomizer(directory -> ServerAccess.closeToOthers(directory.toPath(), binaries,
                            credentials.superuser()))
                    .setConnectConfig("password", credentials.superuser())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // No Unix socket: it would be another way in, in a directory every user can see.
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
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
                    // A WAL file no longer needed is deleted, not kept for reuse with its old
                    // contents: after an erasure, the WAL that held the erased key goes (PersonalDataKeys).
                    .setServerConfig("wal_recycle", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Stopped by its owner (the Spring context, after the processors), not by a JVM
                    // hook racing with the context's own shutdown.
                    .setRegisterShutdownHook(false)
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, credentials, owner);
            try (Connection superuser = server.superuserConnection()) {
                DatabaseRoles.setUp(superuser, credentials);
            } catch (SQLException e) {
                postgres.close();
                throw e;
            }
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the roles of the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * The embedded library's own binaries, told apart by where they are unpacked: the library
     * unpacks once per resolver in a process and reuses that directory for every later server,
     * whatever directory the later one names; a resolver of its own per directory makes it unpack
     * into each (once), where {@link ServerAccess} looks for the server binary.
     */
    private record BinariesUnpackedInto(Path directory) implements PgBinaryResolver {

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }

    /** Where the server's binaries are unpacked: a private directory beside its data. */
    static Path binariesDirectory(Path dataDirectory) {
        return PrivateFiles.createPrivateDirectories(dataDirectory.resolveSibling("postgresql-binaries"));
    }

    /**
     * A service killed without a chance to stop its PostgreSQL leaves that server running on the
     * data directory; the next start would fail on it. Only called by the directory's owner
     * ({@link DataDirectoryOwner}): a server running there now has lost its service, since a
     * running service would still hold the lock. Such an orphan is asked to shut down
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

    /** The server's database, without a user: connect as one of {@link DatabaseRoles}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public DatabaseCredentials credentials() {
        return credentials;
    }

    /** As PostgreSQL's superuser: for setting the server up, and for tests that play an attacker with full rights. */
    public Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", credentials.superuser());
    }

    /** The settings that make a Signpost process use this server as its external PostgreSQL. */
    public List<String> serviceArguments() {
        return List.of("--signpost.db.url=" + jdbcUrl(),
                "--signpost.db.user=" + DatabaseRoles.SERVICE, "--signpost.db.password=" + credentials.service(),
                "--signpost.db.owner-user=" + DatabaseRoles.OWNER,
                "--signpost.db.owner-password=" + credentials.owner());
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            owner.close();
        }
    }
}
