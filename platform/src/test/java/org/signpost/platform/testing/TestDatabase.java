package org.signpost.platform.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Each test application context gets its own real, embedded PostgreSQL in a fresh directory
 * under target/, started once and shared by every test class that uses the same context.
 */
public final class TestDatabase {

    public static final String MASTER_KEY = java.util.Base64.getEncoder()
            .encodeToString("signpost-test-master-key-32bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /** The chains' key in tests (32 bytes "signpost-test-integrity-key-32by"); real ones are in a file. */
    public static final String INTEGRITY_KEY = java.util.Base64.getEncoder()
            .encodeToString("signpost-test-integrity-key-32by".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

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
     * The URL of a database of its own, made anew (empty) on the PostgreSQL of this service: for a
     * test that migrates or connects in ways the service's database must not see. Connect to it as
     * a user named with the URL.
     */
    public static String freshDatabase(DataSource service, String name) throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(service);
        jdbc.execute("DROP DATABASE IF EXISTS " + name);
        jdbc.execute("CREATE DATABASE " + name);
        try (Connection connection = service.getConnection()) {
            // Without its parameters: the service's name its user, and the caller says whose connections.
            return connection.getMetaData().getURL().replaceFirst("/[^/?]+(\\?.*)?$", "/" + name);
        }
    }

    public static void register(DynamicPropertyRegistry registry) {
        Path directory = freshDataDirectory();
        registry.add("signpost.db.url", () -> "");
        registry.add("signpost.db.data-directory", directory::toString);
        registry.add("signpost.users-file", () -> "classpath:test-users.yml");
        // Seal the event chain promptly, so that tests of it need not wait long.
        registry.add("signpost.integrity.seal-interval", () -> "PT0.2S");
        registry.add("signpost.integrity.seal-grace", () -> "PT0.2S");
        // A master key for tests only (32 bytes "signpost-test-master-key-32bytes"); real ones come from the environment.
        registry.add("signpost.master-key", () -> MASTER_KEY);
        registry.add("signpost.integrity.key", () -> INTEGRITY_KEY);
        // The head anchor belongs with the database it anchors: a fresh one for each.
        registry.add("signpost.home", freshHome()::toString);
        TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
    }
}
