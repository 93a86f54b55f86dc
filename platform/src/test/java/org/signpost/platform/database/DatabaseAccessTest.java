package org.signpost.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signpost.platform.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The embedded PostgreSQL is closed to other local users, and the service's role cannot change
 * the history it keeps, whatever SQL it were made to run: the security review connected as
 * the superuser with no password, read the master key with pg_read_file, ran a program with
 * COPY ... TO PROGRAM and switched the append-only triggers off.
 */
class DatabaseAccessTest {

    private static Path data;
    private static EmbeddedPostgresServer server;
    private static JdbcTemplate service;

    @BeforeAll
    static void aMigratedServer() {
        data = TestDatabase.freshDataDirectory();
        server = EmbeddedPostgresServer.start(data);
        SchemaGrants.flyway(as(DatabaseRoles.OWNER, server.credentials().owner())).load().migrate();
        service = new JdbcTemplate(as(DatabaseRoles.SERVICE, server.credentials().service()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static DataSource as(String user, String password) {
        return new DriverManagerDataSource(server.jdbcUrl(), user, password);
    }

    @Test
    void nobodyConnectsWithoutAPasswordNorWithAWrongOne() {
        for (String user : new String[] {"postgres", DatabaseRoles.OWNER, DatabaseRoles.SERVICE, "nobody"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), user, "").close())
                    .as(user).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), user, "wrong-password").close())
                    .as(user).hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void itListensOn127001OnlyWithNoSocketAndItsPasswordsAreThisUsersAlone() throws Exception {
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).isEqualTo(ServerAccess.RULES);
        try (Connection superuser = server.superuserConnection(); Statement sql = superuser.createStatement()) {
            var settings = sql.executeQuery("SELECT current_setting('listen_addresses'), "
                    + "current_setting('unix_socket_directories'), current_setting('password_encryption')");
            settings.next();
            assertThat(settings.getString(1)).isEqualTo("127.0.0.1");
            assertThat(settings.getString(2)).isEmpty();
            assertThat(settings.getString(3)).isEqualTo("scram-sha-256");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                EmbeddedPostgresServer.credentialsBeside(data)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                EmbeddedPostgresServer.binariesDirectory(data)))).isEqualTo("rwx------");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE domain_event_entry SET type = 'x'",
            "DELETE FROM domain_event_entry",
            "TRUNCATE domain_event_entry",
            "UPDATE event_chain SET hash = '\\x00'",
            "DELETE FROM event_chain",
            "UPDATE chain_seal SET hash = '\\x00'",
            "DELETE FROM chain_seal",
            "ALTER TABLE chain_seal DISABLE TRIGGER ALL",
            "ALTER TABLE chain_head DISABLE TRIGGER chain_head_forward",
            "UPDATE personal_data_read SET actor = 'x'",
            "DELETE FROM personal_data_read",
            "UPDATE personal_data_read SET row_mac = NULL",
            "UPDATE chain_row_mac SET required_from = 9223372036854775807",
            "DELETE FROM chain_row_mac",
            "ALTER TABLE chain_row_mac DISABLE TRIGGER ALL",
            "ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only",
            "ALTER TABLE event_chain DISABLE TRIGGER ALL",
            "ALTER TABLE personal_data_read DISABLE TRIGGER personal_data_read_append_only",
            "DROP TABLE domain_event_entry",
            "DROP TRIGGER domain_event_entry_append_only ON domain_event_entry",
            "SET session_replication_role = replica",
            "SELECT pg_read_file('/etc/hostname')",
            "COPY (SELECT 1) TO PROGRAM 'true'",
            "CREATE ROLE intruder SUPERUSER",
            "ALTER ROLE signpost SUPERUSER",
            "INSERT INTO flyway_schema_history (installed_rank, description, type, script, installed_by, execution_time, success) VALUES (999, 'x', 'SQL', 'x', 'x', 0, true)",
            "CREATE OR REPLACE FUNCTION signpost_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"})
    void theServicesRoleMayNotChangeTheHistoryNorReachBeyondTheDatabase(String statement) {
        assertThatThrownBy(() -> service.execute(statement)).as(statement).rootCause()
                .hasMessageMatching("(?s).*(permission denied|must be (the )?owner|must be superuser|must have|"
                        + "only superuser|to (create|alter) role).*");
    }

    @Test
    void theServicesRoleOwnsNothingAndMayAddToTheRecord() {
        assertThat(service.queryForObject("""
                SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
                WHERE r.rolname = current_user""", Long.class)).isZero();
        assertThat(new ServiceRole(service.getDataSource(), DatabaseRoles.MAINTAINER).powers()).isEmpty();
        assertThat(service.update("INSERT INTO personal_data_read (actor, role, subject_type, subject_ids, endpoint) "
                + "VALUES ('auditor', 'AUDITOR', 'PARTICIPANT', ARRAY['p-1'], 'GET /x')")).isEqualTo(1);
    }

    @Test
    void aServiceRunAsTheOwnerOrTheSuperuserRefusesToStart() throws Exception {
        ServiceRole asOwner = new ServiceRole(as(DatabaseRoles.OWNER, server.credentials().owner()),
                DatabaseRoles.MAINTAINER);
        assertThat(asOwner.powers()).contains("it owns the schema",
                "it owns domain_event_entry (and could switch off its triggers)");
        assertThatThrownBy(asOwner::verifyItCannotChangeTheRecord).hasMessageContaining("Database roles");

        ServiceRole asSuperuser = new ServiceRole(as("postgres", server.credentials().superuser()),
                DatabaseRoles.MAINTAINER);
        assertThat(asSuperuser.powers()).contains("it is a superuser");
    }

    /** Servers of one process with their data in different places each have their binaries beside them. */
    @Test
    void aServerElsewhereInTheSameProcessGetsItsOwnBinaries() throws Exception {
        Path elsewhere = Files.createTempDirectory(data.getParent(), "elsewhere").resolve("postgres");
        try (EmbeddedPostgresServer other = EmbeddedPostgresServer.start(elsewhere)) {
            assertThat(other.superuserConnection().isValid(5)).isTrue();
            try (var unpacked = Files.list(EmbeddedPostgresServer.binariesDirectory(elsewhere))) {
                assertThat(unpacked.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("PG-"));
            }
        }
    }

    /**
     * An installation made before: its data directory trusted every local connection and the
     * superuser owned every table. At its next start it asks for passwords, and the owner takes
     * the tables over, with nothing lost.
     */
    @Test
    void anInstallationThatTrustedLocalUsersIsClosedAtItsNextStart() throws Exception {
        Path earlier = TestDatabase.freshDataDirectory();
        try (var trusting = EmbeddedPostgres.builder().setDataDirectory(earlier)
                .setCleanDataDirectory(false).setOverrideWorkingDirectory(
                        EmbeddedPostgresServer.binariesDirectory(earlier).toFile()).start();
             Connection open = trusting.getPostgresDatabase().getConnection();
             Statement sql = open.createStatement()) {
            assertThat(Files.readString(earlier.resolve("pg_hba.conf"))).contains("trust");
            sql.execute("CREATE TABLE earlier_events (id int PRIMARY KEY)");
            sql.execute("INSERT INTO earlier_events VALUES (1), (2)");
        }

        try (EmbeddedPostgresServer closed = EmbeddedPostgresServer.start(earlier)) {
            assertThatThrownBy(() -> DriverManager.getConnection(closed.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            JdbcTemplate owner = new JdbcTemplate(new DriverManagerDataSource(closed.jdbcUrl(), DatabaseRoles.OWNER,
                    closed.credentials().owner()));
            assertThat(owner.queryForObject("SELECT count(*) FROM earlier_events", Long.class)).isEqualTo(2);
            assertThat(owner.queryForObject("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'earlier_events'",
                    String.class)).isEqualTo(DatabaseRoles.OWNER);
        }
    }
}
