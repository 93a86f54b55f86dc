package org.signpost.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.platform.integrity.EventChainSealer;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tamper evidence: every stored event is sealed into the hash chain, and any change to the
 * stored history made behind the service's back (here with the append-only triggers switched
 * off, as someone with full database rights could) is named by the integrity check and shows in
 * the health. Each test puts the history back as it was, for the test classes sharing the
 * database.
 */
class EventChainHttpTest extends QuerySideTest {

    @Autowired
    EventChainSealer sealer;

    /** Whoever changes the history behind the service's back has every right in the database. */
    private JdbcTemplate superuser;

    @BeforeEach
    void someSealedHistory() {
        superuser = superuser();
        Scenario scenario = new Scenario();
        for (int i = 0; i < 5; i++) {
            scenario.participant(40, "lw-chain", "Chain" + i);
        }
        append(scenario.events());
        awaitSealed();
    }

    @AfterEach
    void intactAgain() {
        assertThat(integrity().path("status").asText()).isEqualTo("INTACT");
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    private void awaitSealed() {
        long stored = superuser.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> sealedUpTo() >= stored);
    }

    private long sealedUpTo() {
        return superuser.queryForObject("SELECT sealed_up_to FROM event_chain_head", Long.class);
    }

    private JsonNode integrity() {
        return api.as("auditor").get("/api/audit/integrity").json();
    }

    private long someSealedPosition() {
        // Applied by the projections first: an event changed or deleted under a processor that is
        // reading it would be a poison event for it, and go to its dead letters.
        awaitProjections();
        return superuser.queryForObject("SELECT max(global_index) - 3 FROM event_chain", Long.class);
    }

    /** Runs SQL the append-only triggers would refuse, as a database owner could. */
    private void behindTheServicesBack(String table, Runnable change) {
        superuser.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
        try {
            change.run();
        } finally {
            superuser.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
        }
    }

    @Test
    void everyStoredEventIsSealedOnceAndTheChainIsIntact() {
        assertThat(superuser.queryForObject("""
                SELECT count(*) FROM domain_event_entry e LEFT JOIN event_chain c ON c.global_index = e.global_index
                WHERE e.global_index <= (SELECT sealed_up_to FROM event_chain_head) AND c.global_index IS NULL""",
                Long.class)).isZero();
        JsonNode report = integrity();
        assertThat(report.path("status").asText()).isEqualTo("INTACT");
        assertThat(report.path("verifiedEvents").asLong()).isEqualTo(superuser.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE global_index <= ?", Long.class,
                report.path("sealedUpTo").asLong()));
        assertThat(report.path("headHash").asText()).hasSize(64);
        assertThat(api.as("manager").get("/api/audit/integrity").status()).isEqualTo(403);
    }

    @Test
    void oneChangedByteOfOneStoredEventIsNamed() {
        long position = someSealedPosition();
        byte[] original = superuser.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, position);
        byte[] changed = original.clone();
        changed[changed.length / 2] ^= 0x01;
        behindTheServicesBack("domain_event_entry", () ->
                superuser.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", changed, position));
        try {
            JsonNode report = integrity();
            assertThat(report.path("status").asText()).isEqualTo("BROKEN");
            assertThat(report.path("firstFailure").path("position").asLong()).isEqualTo(position);
            assertThat(report.path("firstFailure").path("reason").asText()).contains("differs");
            assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(503);
        } finally {
            behindTheServicesBack("domain_event_entry", () ->
                    superuser.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, position));
        }
    }

    @Test
    void aChangedRecordingTimeOrActorIsNamedToo() {
        long position = someSealedPosition();
        String original = superuser.queryForObject("SELECT time_stamp FROM domain_event_entry WHERE global_index = ?",
                String.class, position);
        behindTheServicesBack("domain_event_entry", () -> superuser.update(
                "UPDATE domain_event_entry SET time_stamp = ? WHERE global_index = ?", "2001-01-01T00:00:00Z", position));
        try {
            assertThat(integrity().path("firstFailure").path("position").asLong()).isEqualTo(position);
        } finally {
            behindTheServicesBack("domain_event_entry", () -> superuser.update(
                    "UPDATE domain_event_entry SET time_stamp = ? WHERE global_index = ?", original, position));
        }
    }

    @Test
    void aDeletedEventIsNamed() {
        long position = someSealedPosition();
        Map<String, Object> row = superuser.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", position);
        behindTheServicesBack("domain_event_entry", () ->
                superuser.update("DELETE FROM domain_event_entry WHERE global_index = ?", position));
        try {
            JsonNode report = integrity();
            assertThat(report.path("firstFailure").path("position").asLong()).isEqualTo(position);
            assertThat(report.path("firstFailure").path("reason").asText()).contains("missing");
        } finally {
            List<String> columns = new ArrayList<>(row.keySet());
            superuser.update("INSERT INTO domain_event_entry (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")",
                    columns.stream().map(row::get).toArray());
        }
    }

    @Test
    void anEventSlippedInBelowTheSealedHeadIsNamed() {
        // A hole: a position taken and never used, as a rolled-back append leaves one.
        long hole = superuser.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        Scenario later = new Scenario();
        later.participant(30, "lw-chain", "Later");
        append(later.events());
        awaitSealed();
        assertThat(integrity().path("status").asText()).as("a hole is no tampering").isEqualTo("INTACT");

        // Its payload is no event of ours, so that the live projections, which would see it, ignore it.
        superuser.update("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_type, time_stamp)
                VALUES (?, 'slipped-in', 0, 'Nobody', 'slipped-in', NULL, convert_to('"slipped in"', 'UTF8'),
                    'java.lang.String', '2026-01-01T00:00:00Z')""", hole);
        try {
            JsonNode report = integrity();
            assertThat(report.path("firstFailure").path("position").asLong()).isEqualTo(hole);
            assertThat(report.path("firstFailure").path("reason").asText()).contains("appeared");
        } finally {
            behindTheServicesBack("domain_event_entry", () ->
                    superuser.update("DELETE FROM domain_event_entry WHERE global_index = ?", hole));
        }
    }

    @Test
    void aRewrittenSealIsNamed() {
        long position = someSealedPosition();
        byte[] original = superuser.queryForObject("SELECT hash FROM event_chain WHERE global_index = ?", byte[].class,
                position);
        behindTheServicesBack("event_chain", () ->
                superuser.update("UPDATE event_chain SET hash = ? WHERE global_index = ?", new byte[32], position));
        try {
            assertThat(integrity().path("firstFailure").path("position").asLong()).isEqualTo(position);
        } finally {
            behindTheServicesBack("event_chain", () ->
                    superuser.update("UPDATE event_chain SET hash = ? WHERE global_index = ?", original, position));
        }
    }

    @Test
    void theHistoryRefusesChangesThroughTheDatabasesRules() {
        long position = someSealedPosition();
        assertThatThrownBy(() -> superuser.update("UPDATE domain_event_entry SET payload_revision = 'x' WHERE global_index = ?",
                position)).hasMessageContaining("append-only");
        assertThatThrownBy(() -> superuser.update("DELETE FROM domain_event_entry WHERE global_index = ?", position))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> superuser.update("DELETE FROM event_chain WHERE global_index = ?", position))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> superuser.update("UPDATE event_chain_head SET sealed_up_to = 0"))
                .hasMessageContaining("only moves forward");
    }

    @Test
    void eventsAppendedFromManyThreadsWhileSealingAreEachSealedOnce() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        Scenario scenario = new Scenario();
                        scenario.participant(20, "lw-chain", "Busy" + writer + "-" + i);
                        append(scenario.events());
                        sealer.seal();
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            writers.shutdown();
        }
        awaitSealed();
        assertThat(superuser.queryForObject("SELECT count(*) FROM event_chain", Long.class)).isEqualTo(superuser.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE global_index <= (SELECT sealed_up_to FROM event_chain_head)",
                Long.class));
        assertThat(integrity().path("status").asText()).isEqualTo("INTACT");
    }
}
