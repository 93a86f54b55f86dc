package org.signpost.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.platform.integrity.ChainKey;
import org.signpost.platform.integrity.RowMac;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log of reads of personal data is sealed into a keyed chain of its own, as the history is:
 * a read changed, deleted or slipped in behind the service's back (the append-only triggers
 * switched off, as the database's superuser could) is named, with its position, by the integrity
 * check's {@code readLog}, and the health is DOWN. Each test puts the log back as it was.
 */
class ReadLogChainHttpTest extends QuerySideTest {

    /** Whoever changes the log behind the service's back has every right in the database. */
    private JdbcTemplate superuser;

    private static final String ENDPOINT = "GET /api/participants/{participantId}";

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ChainKey chainKey;

    private UUID participant;

    @BeforeEach
    void someSealedReads() {
        superuser = superuser();
        Scenario scenario = new Scenario();
        participant = scenario.participant(30, "lw-read-chain", "Sealed");
        append(scenario.events());
        awaitProjections();
        for (int i = 0; i < 5; i++) {
            assertThat(api.as("coordinator").get("/api/participants/" + participant).status()).isEqualTo(200);
        }
        awaitSealed();
    }

    @AfterEach
    void intactAgain() {
        assertThat(readLog().path("status").asText()).isEqualTo("INTACT");
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    private void awaitSealed() {
        long logged = superuser.queryForObject("SELECT max(id) FROM personal_data_read", Long.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> superuser.queryForObject(
                "SELECT sealed_up_to FROM chain_head WHERE chain = 'read-log'", Long.class) >= logged);
    }

    private JsonNode integrity() {
        return api.as("auditor").get("/api/audit/integrity").json();
    }

    private JsonNode readLog() {
        return integrity().path("readLog");
    }

    /** One of this test's reads, sealed, with later ones after it. */
    private long someSealedRead() {
        return superuser.queryForObject("SELECT min(id) FROM (SELECT id FROM personal_data_read "
                + "WHERE ? = ANY (subject_ids) ORDER BY id DESC LIMIT 3) last", Long.class, participant.toString());
    }

    /** Runs SQL the read log's append-only triggers would refuse. */
    private void behindTheServicesBack(Runnable change) {
        superuser.execute("ALTER TABLE personal_data_read DISABLE TRIGGER USER");
        try {
            change.run();
        } finally {
            superuser.execute("ALTER TABLE personal_data_read ENABLE TRIGGER USER");
        }
    }

    private void assertNamed(long position, String reason) {
        JsonNode report = integrity();
        assertThat(report.path("readLog").path("status").asText()).isEqualTo("BROKEN");
        assertThat(report.path("readLog").path("firstFailure").path("position").asLong()).isEqualTo(position);
        assertThat(report.path("readLog").path("firstFailure").path("reason").asText()).contains(reason);
        assertThat(report.path("status").asText()).as("the history's own chain").isEqualTo("INTACT");
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(503);
    }

    @Test
    void everyReadIsSealedAndTheLogIsIntact() {
        JsonNode readLog = readLog();
        assertThat(readLog.path("status").asText()).isEqualTo("INTACT");
        assertThat(readLog.path("verifiedRows").asLong()).isEqualTo(superuser.queryForObject(
                "SELECT count(*) FROM personal_data_read WHERE id <= ?", Long.class, readLog.path("sealedUpTo").asLong()));
        assertThat(readLog.path("headHash").asText()).hasSize(64);
        assertThat(readLog.path("firstFailure").isNull()).isTrue();
    }

    @Test
    void aReadCommittedAfterLaterOnesIsSealedInItsPlace() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Long> early = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(transactionManager).execute(status -> {
                    // As the service logs a read (PersonalDataReads): on the service's own connection, with its row MAC.
                    long id = jdbc.queryForObject("SELECT nextval('personal_data_read_id_seq')", Long.class);
                    Instant readAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    String[] people = {participant.toString()};
                    jdbc.update("""
                            INSERT INTO personal_data_read (id, read_at, actor, role, subject_type, subject_ids, endpoint,
                                row_mac)
                            VALUES (?, ?, 'coordinator', 'COORDINATOR', 'PARTICIPANT', ?, ?, ?)""", id,
                            readAt.atOffset(ZoneOffset.UTC), people, ENDPOINT, RowMac.readLog(chainKey).read(id, readAt,
                                    "coordinator", "COORDINATOR", "PARTICIPANT", people, ENDPOINT, null));
                    inserted.countDown();
                    try {
                        mayCommit.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return id;
                }));
        assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(api.as("manager").get("/api/participants/" + participant).status()).isEqualTo(200);
        }
        // Several seal runs while the early read is still uncommitted below the later ones.
        Thread.sleep(1_500);
        long sealedMeanwhile = superuser.queryForObject("SELECT sealed_up_to FROM chain_head WHERE chain = 'read-log'",
                Long.class);
        mayCommit.countDown();
        long earlyRead = early.get(30, TimeUnit.SECONDS);

        assertThat(sealedMeanwhile).as("not sealed past a read that could still commit").isLessThan(earlyRead);
        awaitSealed();
        assertThat(superuser.queryForObject("SELECT count(*) FROM chain_seal WHERE chain = 'read-log' AND position = ?",
                Long.class, earlyRead)).isEqualTo(1);
        assertThat(readLog().path("status").asText()).isEqualTo("INTACT");
    }

    @Test
    void aChangedReadIsNamed() {
        long read = someSealedRead();
        String actor = superuser.queryForObject("SELECT actor FROM personal_data_read WHERE id = ?", String.class, read);
        behindTheServicesBack(() -> superuser.update("UPDATE personal_data_read SET actor = 'someone-else' WHERE id = ?", read));
        try {
            assertNamed(read, "differs");
        } finally {
            behindTheServicesBack(() -> superuser.update("UPDATE personal_data_read SET actor = ? WHERE id = ?", actor, read));
        }
    }

    @Test
    void aDeletedReadIsNamed() {
        long read = someSealedRead();
        superuser.execute("DROP TABLE IF EXISTS test_deleted_read");
        superuser.update("CREATE TABLE test_deleted_read AS SELECT * FROM personal_data_read WHERE id = ?", read);
        behindTheServicesBack(() -> superuser.update("DELETE FROM personal_data_read WHERE id = ?", read));
        try {
            assertNamed(read, "missing");
        } finally {
            superuser.update("INSERT INTO personal_data_read SELECT * FROM test_deleted_read");
            superuser.execute("DROP TABLE test_deleted_read");
        }
    }

    /**
     * What an SQL injection could do: insert, as the service's own role, a read of someone else's
     * making at the end of the log, where the sealer seals whatever it finds: with no row MAC, or
     * with a real read's copied (its MAC covers its id). Sealed, then named by the check.
     */
    @Test
    void aReadInsertedAsTheServicesRoleIsSealedAndNamedAsNotTheServices() {
        long real = someSealedRead();
        for (String rowMac : List.of("NULL", "row_mac")) {
            long forged = jdbc.queryForObject("""
                    INSERT INTO personal_data_read (read_at, actor, role, subject_type, subject_ids, endpoint,
                        correlation_id, row_mac)
                    SELECT read_at, actor, role, subject_type, subject_ids, endpoint, correlation_id, %s
                    FROM personal_data_read WHERE id = ? RETURNING id""".formatted(rowMac), Long.class, real);
            try {
                awaitSealed();
                assertNamed(forged, "not written by the service");
            } finally {
                // Made the service's for the classes sharing the database: the forged read stays, as sealed.
                giveItsRowMac(forged);
            }
        }
    }

    /** Writes the MAC the service would have written this read with, behind its back. */
    private void giveItsRowMac(long id) {
        byte[] mac = superuser.query("SELECT * FROM personal_data_read WHERE id = ?", rs -> {
            rs.next();
            return RowMac.readLog(chainKey).read(id, rs.getObject("read_at", OffsetDateTime.class).toInstant(),
                    rs.getString("actor"), rs.getString("role"), rs.getString("subject_type"),
                    (String[]) rs.getArray("subject_ids").getArray(), rs.getString("endpoint"),
                    rs.getString("correlation_id"));
        }, id);
        behindTheServicesBack(() -> superuser.update("UPDATE personal_data_read SET row_mac = ? WHERE id = ?", mac, id));
    }

    @Test
    void aReadSlippedInBelowTheSealedHeadIsNamed() {
        // A hole: an id taken and never used, as a failed insert leaves one.
        long hole = superuser.queryForObject("SELECT nextval('personal_data_read_id_seq')", Long.class);
        assertThat(api.as("coordinator").get("/api/participants/" + participant).status()).isEqualTo(200);
        awaitSealed();
        assertThat(readLog().path("status").asText()).as("a hole is no tampering").isEqualTo("INTACT");

        superuser.update("""
                INSERT INTO personal_data_read (id, actor, role, subject_type, subject_ids, endpoint)
                VALUES (?, 'nobody', 'AUDITOR', 'PARTICIPANT', ARRAY['slipped-in'], 'GET /api/participants/{participantId}')""",
                hole);
        try {
            assertNamed(hole, "appeared");
        } finally {
            behindTheServicesBack(() -> superuser.update("DELETE FROM personal_data_read WHERE id = ?", hole));
        }
    }
}
