package org.signpost.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.platform.ConfigurationProblem;
import org.signpost.platform.database.DatabaseRoles;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.signpost.platform.database.SchemaGrants;
import org.signpost.platform.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A master key of the right length but not the database's is refused at start, naming where it
 * came from; the review found one accepted, then every read of personal data failing.
 */
class MasterKeyCheckTest {

    private static final MasterKeys RIGHT = MasterKeys.fromText(Base64.getEncoder().encodeToString(
            "the-right-master-key-of-32-bytes".getBytes()), "the right file");
    private static final MasterKeys WRONG = MasterKeys.fromText(Base64.getEncoder().encodeToString(
            "a-wrong-master-key-of-32-bytes!!".getBytes()), "the wrong file");

    private static EmbeddedPostgresServer server;
    private static JdbcTemplate service;

    @BeforeAll
    static void aMigratedDatabase() {
        server = EmbeddedPostgresServer.start(TestDatabase.freshDataDirectory());
        SchemaGrants.flyway(new DriverManagerDataSource(server.jdbcUrl(), DatabaseRoles.OWNER,
                server.credentials().owner())).load().migrate();
        service = new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(), DatabaseRoles.SERVICE,
                server.credentials().service()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void empty() {
        new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(), "postgres", server.credentials().superuser()))
                .execute("TRUNCATE master_key, personal_data_key");
    }

    @Test
    void theFirstStartRecordsTheKeyAndAnotherKeyIsRefusedAfter() {
        new MasterKeyCheck(service, RIGHT).verify();
        assertThat(service.queryForObject("SELECT count(*) FROM master_key WHERE version = 1", Long.class)).isEqualTo(1);
        new MasterKeyCheck(service, RIGHT).verify();

        assertThatThrownBy(() -> new MasterKeyCheck(service, WRONG).verify())
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageStartingWith("SIGNPOST_MASTER_KEY_FILE: ")
                .hasMessageContaining("the wrong file").hasMessageContaining("another installation");
    }

    @Test
    void keysMadeBeforeVersionsAreOpenedByTheKeyBeforeItIsRecorded() {
        UUID subject = UUID.randomUUID();
        service.update("INSERT INTO personal_data_key (subject_id, wrapped_key) VALUES (?, ?)", subject,
                PersonalDataKeys.wrap(RIGHT.version(1).orElseThrow(), subject, PersonalDataKeys.newKey()));

        assertThatThrownBy(() -> new MasterKeyCheck(service, WRONG).verify())
                .hasMessageContaining("does not open the keys").hasMessageContaining("the wrong file");
        assertThat(service.queryForObject("SELECT count(*) FROM master_key", Long.class)).isZero();
        new MasterKeyCheck(service, RIGHT).verify();
        assertThat(service.queryForObject("SELECT count(*) FROM master_key WHERE version = 1", Long.class)).isEqualTo(1);
    }

    @Test
    void aVersionInUseThatTheFileDoesNotHoldIsNamed() {
        new MasterKeyCheck(service, RIGHT).verify();
        MasterKeys onlyTwo = MasterKeys.fromText("2:" + Base64.getEncoder().encodeToString(
                "the-right-master-key-of-32-bytes".getBytes()), "a file of version 2");
        assertThatThrownBy(() -> new MasterKeyCheck(service, onlyTwo).verify())
                .hasMessageContaining("version 1").hasMessageContaining("a file of version 2");
    }
}
