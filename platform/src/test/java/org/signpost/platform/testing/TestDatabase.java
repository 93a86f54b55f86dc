package org.signpost.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.signpost.platform.PrivateFiles;
import org.signpost.platform.database.DatabaseConfiguration.EmbeddedDatabase;
import org.signpost.platform.database.DatabaseRoles;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Each test application context gets its own real, embedded PostgreSQL in a fresh directory
 * under target/, started once and shared by every test class that uses the same context.
 */
public final class TestDatabase {

    public static final String MASTER_KEY = Base64.getEncoder()
            .encodeToString("signpost-test-master-key-32bytes".getBytes(StandardCharsets.US_ASCII));

    /** The chains' key in tests (32 bytes "signpost-test-integrity-key-32by"); real ones are in a file. */
    public static final String INTEGRITY_KEY = Base64.getEncoder()
            .encodeToString("signpost-test-integrity-key-32by".getBytes(StandardCharsets.US_ASCII));

    private TestDatabase() {
    }

    /** A Signpost home of its own under target/, for the head anchor of a service a test starts. */
    public static Path freshHome() {
        return Path.of("target", "test-home", UUID.randomUUID().toString()).toAbsolutePath();
    }

    public static Path freshDataDirectory() {
        return Path.of("target", "test-postgres", UUID.randomUUID().toString()).toAbsolutePath();
    }

    /**
     * A database of its own, made anew (empty) on the PostgreSQL of this service: for a test that
     * migrates or connects in ways the service's database must not see. Connects as the superuser.
     */
    public static DataSource freshDatabase(EmbeddedDatabase embedded, String name) throws SQLException {
        EmbeddedPostgresServer server = embedded.server();
        try (Connection superuser = server.superuserConnection(); Statement sql = superuser.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name);
            sql.execute("CREATE DATABASE " + name);
        }
        return as(server, name, "postgres", server.credentials().superuser());
    }

    /** The same database as the service's role sees it. */
    public static DataSource asService(EmbeddedDatabase embedded, String database) {
        return as(embedded.server(), database, DatabaseRoles.SERVICE, embedded.server().credentials().service());
    }

    /** The service's database as PostgreSQL's superuser: a test playing an attacker who got every right. */
    public static DataSource superuser(EmbeddedDatabase embedded) {
        return as(embedded.server(), "postgres", "postgres", embedded.server().credentials().superuser());
    }

    private static DataSource as(EmbeddedPostgresServer server, String database, String user, String password) {
        return new DriverManagerDataSource(server.jdbcUrl().replaceFirst("/postgres$", "/" + database), user, password);
    }

    /**
     * A master key file for tests only, in a home of their own, as the launcher makes one: the key
     * is {@link #MASTER_KEY} (32 bytes "signpost-test-master-key-32bytes").
     */
    public static Path masterKeyFile(Path home) {
        Path file = PrivateFiles.createPrivateDirectories(home).resolve("master-key");
        try {
            if (!Files.exists(file)) {
                Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"))), MASTER_KEY + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static void register(DynamicPropertyRegistry registry) {
        Path directory = freshDataDirectory();
        registry.add("signpost.db.url", () -> "");
        registry.add("signpost.db.data-directory", directory::toString);
        // Its own home: the embedded server's passwords and the keys' files stay with this context.
        Path home = directory.resolveSibling(directory.getFileName() + "-home");
        registry.add("signpost.home", home::toString);
        registry.add("signpost.master-key-file", () -> masterKeyFile(home).toString());
        registry.add("signpost.users-file", () -> "classpath:test-users.yml");
        // Seal the event chain promptly, so that tests of it need not wait long.
        registry.add("signpost.integrity.seal-interval", () -> "PT0.2S");
        registry.add("signpost.integrity.seal-grace", () -> "PT0.2S");
        // Sign-in limits a test reaches in a few attempts and a lock it outlasts in seconds. A name's
        // limit is below the address's so that locking one name leaves the others (all tests sign
        // in from 127.0.0.1) free; only SignInThrottleHttpTest fails sign-ins.
        registry.add("signpost.signin.max-failures-per-user", () -> "3");
        registry.add("signpost.signin.max-failures-per-address", () -> "8");
        registry.add("signpost.signin.lock", () -> "PT2S");
        registry.add("signpost.signin.backoff", () -> "PT0.2S");
        registry.add("signpost.integrity.key", () -> INTEGRITY_KEY);
        TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
    }
}
