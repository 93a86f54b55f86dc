package org.signpost.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signpost.events.PersonalDataCipher.PersonalDataErasedException;
import org.signpost.platform.database.DatabaseRoles;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.signpost.platform.database.SchemaGrants;
import org.signpost.platform.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A young person's key is made on the first encryption and stored before it is used: what one
 * process sealed, another, holding no key in memory, opens; when several make a subject's first
 * key at once, all use the one stored; an erased subject gets no key.
 */
class PersonalDataKeysTest {

    private static final MasterKeys MASTER = MasterKeys.fromText(Base64.getEncoder().encodeToString(
            "a-test-master-key-of-32-bytes-ok".getBytes(StandardCharsets.UTF_8)), "the test's key");

    private static EmbeddedPostgresServer server;
    private static DataSource service;

    @BeforeAll
    static void aMigratedDatabase() {
        server = EmbeddedPostgresServer.start(TestDatabase.freshDataDirectory());
        SchemaGrants.flyway(new DriverManagerDataSource(server.jdbcUrl(), DatabaseRoles.OWNER,
                server.credentials().owner())).load().migrate();
        service = new DriverManagerDataSource(server.jdbcUrl(), DatabaseRoles.SERVICE, server.credentials().service());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A process's keys: its own memory of them, the database shared. */
    private static PersonalDataKeys aProcess() {
        JdbcTemplate jdbc = new JdbcTemplate(service);
        return new PersonalDataKeys(jdbc, new DataSourceTransactionManager(service), new ErasedKeyPurge(jdbc), MASTER,
                Duration.ofHours(1));
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long keysOf(UUID subject) {
        return new JdbcTemplate(service).queryForObject("SELECT count(*) FROM personal_data_key WHERE subject_id = ?",
                Long.class, subject);
    }

    @Test
    void theKeyMadeForTheFirstEncryptionIsTheOneStored() {
        UUID subject = UUID.randomUUID();
        byte[] sealed = aProcess().encrypt(subject, text("Amira"));

        assertThat(keysOf(subject)).isEqualTo(1);
        assertThat(aProcess().decrypt(subject, sealed)).hasValueSatisfying(clear -> assertThat(clear)
                .isEqualTo(text("Amira")));
    }

    @Test
    void aProcessFindingTheSubjectsKeyStoredUsesIt() {
        UUID subject = UUID.randomUUID();
        PersonalDataKeys first = aProcess();
        PersonalDataKeys second = aProcess();
        byte[] sealedByFirst = first.encrypt(subject, text("first"));
        byte[] sealedBySecond = second.encrypt(subject, text("second"));

        assertThat(keysOf(subject)).isEqualTo(1);
        assertThat(first.decrypt(subject, sealedBySecond)).hasValueSatisfying(clear -> assertThat(clear)
                .isEqualTo(text("second")));
        assertThat(second.decrypt(subject, sealedByFirst)).hasValueSatisfying(clear -> assertThat(clear)
                .isEqualTo(text("first")));
    }

    @Test
    void processesMakingASubjectsFirstKeyAtOnceAllUseTheOneStored() throws Exception {
        int processes = 6;
        ExecutorService threads = Executors.newFixedThreadPool(processes);
        try {
            for (int round = 0; round < 10; round++) {
                UUID subject = UUID.randomUUID();
                CyclicBarrier together = new CyclicBarrier(processes);
                List<Future<byte[]>> sealed = new ArrayList<>();
                for (int p = 0; p < processes; p++) {
                    PersonalDataKeys process = aProcess();
                    sealed.add(threads.submit(() -> {
                        together.await();
                        return process.encrypt(subject, text("at once"));
                    }));
                }
                PersonalDataKeys reader = aProcess();
                for (Future<byte[]> each : sealed) {
                    assertThat(reader.decrypt(subject, each.get())).as("round %d", round)
                            .hasValueSatisfying(clear -> assertThat(clear).isEqualTo(text("at once")));
                }
                assertThat(keysOf(subject)).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anErasedSubjectGetsNoKey() {
        UUID subject = UUID.randomUUID();
        aProcess().destroy(List.of(subject));

        assertThatThrownBy(() -> aProcess().encrypt(subject, text("after erasure")))
                .isInstanceOf(PersonalDataErasedException.class);
        assertThat(new JdbcTemplate(service).queryForObject(
                "SELECT wrapped_key IS NULL FROM personal_data_key WHERE subject_id = ?", Boolean.class, subject)).isTrue();
    }
}
