package org.signpost.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.events.ContactChannel;
import org.signpost.events.ContactDirection;
import org.signpost.events.ContactMade;
import org.signpost.platform.integrity.ChainKey;
import org.signpost.platform.integrity.ChainReport;
import org.signpost.platform.integrity.ChainSealer;
import org.signpost.platform.integrity.ChainVerifier;
import org.signpost.platform.integrity.ChainedRows;
import org.signpost.platform.integrity.RowDigest;
import org.signpost.platform.integrity.RowMac;
import org.signpost.platform.testing.Api.Response;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Tamper evidence: every stored event is sealed into the keyed hash chain, and any change to the
 * stored history made behind the service's back (here with the append-only triggers switched
 * off, as the database's superuser could) is named by the integrity check and shows in the
 * health: a changed event sealed again without the key, and events cut off the end with their
 * seals, which the head anchor outside the database remembers. Each test puts the history back
 * as it was, for the test classes sharing the database.
 */
class EventChainHttpTest extends QuerySideTest {

    /** Whoever changes the history behind the service's back has every right in the database. */
    private JdbcTemplate superuser;

    @Autowired
    @Qualifier("eventChainSealer")
    ChainSealer sealer;

    @Autowired
    @Qualifier("eventChainVerifier")
    ChainVerifier verifier;

    @Autowired
    ChainKey chainKey;

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
        JsonNode report = integrity();
        assertThat(report.path("status").asText()).isEqualTo("INTACT");
        assertThat(report.path("readLog").path("status").asText()).isEqualTo("INTACT");
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    private void awaitSealed() {
        long stored = superuser.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> sealedUpTo() >= stored);
    }

    private long sealedUpTo() {
        return superuser.queryForObject("SELECT sealed_up_to FROM chain_head WHERE chain = 'events'", Long.class);
    }

    private JsonNode integrity() {
        return api.as("auditor").get("/api/audit/integrity").json();
    }

    private long someSealedPosition() {
        // Applied by the projections first: an event changed or deleted under a processor that is
        // reading it would be a poison event for it, and go to its dead letters.
        awaitProjections();
        return superuser.queryForObject("SELECT max(position) - 3 FROM chain_seal WHERE chain = 'events'", Long.class);
    }

    /** The check finds the history broken first at this position, for this reason, and the health is DOWN. */
    private void assertNamed(long position, String reason) {
        JsonNode report = integrity();
        assertThat(report.path("status").asText()).isEqualTo("BROKEN");
        assertThat(report.path("firstFailure").path("position").asLong()).isEqualTo(position);
        assertThat(report.path("firstFailure").path("reason").asText()).contains(reason);
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(503);
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
                SELECT count(*) FROM domain_event_entry e
                LEFT JOIN chain_seal c ON c.chain = 'events' AND c.position = e.global_index
                WHERE e.global_index <= (SELECT sealed_up_to FROM chain_head WHERE chain = 'events')
                  AND c.position IS NULL""",
                Long.class)).isZero();
        JsonNode report = integrity();
        assertThat(report.path("status").asText()).isEqualTo("INTACT");
        assertThat(report.path("verifiedEvents").asLong()).isEqualTo(superuser.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE global_index <= ?", Long.class,
                report.path("sealedUpTo").asLong()));
        assertThat(report.path("headHash").asText()).hasSize(64);
        assertThat(report.path("anchoredUpTo").asLong()).isPositive().isLessThanOrEqualTo(report.path("sealedUpTo").asLong());
        assertThat(report.path("handOver").path("status").asText()).as("the unkeyed chain of a new database")
                .isEqualTo("INTACT");
        assertThat(report.path("readLog").path("status").asText()).isEqualTo("INTACT");
        assertThat(api.as("manager").get("/api/audit/integrity").status()).isEqualTo(403);
    }

    @Test
    void theLastEventsCutOffWithTheirSealsAndTheHeadMovedBackAreNamed() {
        awaitProjections();
        // The head this process has seen, anchored outside the database.
        long head = sealer.seal().position();
        List<Map<String, Object>> lastEvents = superuser.queryForList(
                "SELECT * FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index DESC LIMIT 5", head);
        long cut = ((Number) lastEvents.get(lastEvents.size() - 1).get("global_index")).longValue();
        List<Map<String, Object>> lastSeals = superuser.queryForList(
                "SELECT * FROM chain_seal WHERE chain = 'events' AND position >= ? AND position <= ?", cut, head);
        Map<String, Object> headRow = superuser.queryForMap("SELECT * FROM chain_head WHERE chain = 'events'");
        Map<String, Object> earlierSeal = superuser.queryForMap("SELECT position, hash FROM chain_seal "
                + "WHERE chain = 'events' AND position < ? ORDER BY position DESC LIMIT 1", cut);
        behindTheServicesBack("domain_event_entry", () -> superuser.update(
                "DELETE FROM domain_event_entry WHERE global_index >= ? AND global_index <= ?", cut, head));
        behindTheServicesBack("chain_seal", () -> superuser.update(
                "DELETE FROM chain_seal WHERE chain = 'events' AND position >= ?", cut));
        behindTheServicesBack("chain_head", () -> superuser.update(
                "UPDATE chain_head SET sealed_up_to = ?, hash = ? WHERE chain = 'events'",
                earlierSeal.get("position"), earlierSeal.get("hash")));
        try {
            JsonNode report = integrity();
            assertThat(report.path("status").asText()).isEqualTo("BROKEN");
            assertThat(report.path("sealedUpTo").asLong()).isLessThan(cut);
            assertThat(report.path("anchoredUpTo").asLong()).isEqualTo(head);
            assertThat(report.path("firstFailure").path("position").asLong()).isEqualTo(head);
            assertThat(report.path("firstFailure").path("reason").asText()).contains("below position " + head)
                    .contains("head anchor").contains("removed");
            assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(503);
        } finally {
            lastEvents.forEach(row -> insert("domain_event_entry", row));
            lastSeals.forEach(row -> insert("chain_seal", row));
            superuser.update("UPDATE chain_head SET sealed_up_to = ?, hash = ? WHERE chain = 'events'",
                    headRow.get("sealed_up_to"), headRow.get("hash"));
        }
    }

    @Test
    void anActorChangedAndSealedAgainWithoutTheKeyIsNamed() {
        long position = someSealedPosition();
        long head = sealer.seal().position();
        byte[] metaData = superuser.queryForObject("SELECT meta_data FROM domain_event_entry WHERE global_index = ?",
                byte[].class, position);
        List<Map<String, Object>> seals = superuser.queryForList(
                "SELECT position, hash FROM chain_seal WHERE chain = 'events' AND position >= ?", position);
        byte[] headHash = superuser.queryForObject("SELECT hash FROM chain_head WHERE chain = 'events'", byte[].class);
        String changed = new String(metaData, StandardCharsets.UTF_8).replaceFirst("\"actor\":\"[^\"]*\"",
                "\"actor\":\"someone-else\"");
        assertThat(changed).contains("someone-else");
        behindTheServicesBack("domain_event_entry", () -> superuser.update(
                "UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?",
                changed.getBytes(StandardCharsets.UTF_8), position));
        try {
            // As the code says it is done, by someone who has not the key: plain SHA-256, then a key of their own.
            SecretKey theirs = new SecretKeySpec(new SecureRandom().generateSeed(32), "HmacSHA256");
            for (RowDigest attacker : List.of(RowDigest.unkeyed(), RowDigest.keyed(theirs))) {
                sealAgain(attacker, position, head);
                JsonNode report = integrity();
                assertThat(report.path("status").asText()).isEqualTo("BROKEN");
                assertThat(report.path("firstFailure").path("position").asLong()).isEqualTo(position);
                assertThat(report.path("firstFailure").path("reason").asText()).contains("differs");
            }
        } finally {
            behindTheServicesBack("domain_event_entry", () -> superuser.update(
                    "UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?", metaData, position));
            behindTheServicesBack("chain_seal", () -> seals.forEach(seal -> superuser.update(
                    "UPDATE chain_seal SET hash = ? WHERE chain = 'events' AND position = ?", seal.get("hash"),
                    seal.get("position"))));
            superuser.update("UPDATE chain_head SET hash = ? WHERE chain = 'events'", (Object) headHash);
        }
    }

    /** Seals the events from {@code from} to {@code head} again, and the head, with this digest. */
    private void sealAgain(RowDigest digest, long from, long head) {
        byte[][] hash = {superuser.queryForObject("SELECT hash FROM chain_seal WHERE chain = 'events' AND position < ? "
                + "ORDER BY position DESC LIMIT 1", byte[].class, from)};
        behindTheServicesBack("chain_seal", () -> superuser.query("SELECT " + String.join(", ", ChainedRows.EVENTS.columns())
                + " FROM domain_event_entry WHERE global_index >= ? AND global_index <= ? ORDER BY global_index",
                (RowCallbackHandler) row -> {
                    hash[0] = digest.next(hash[0], ChainedRows.EVENTS, row);
                    superuser.update("UPDATE chain_seal SET hash = ? WHERE chain = 'events' AND position = ?", hash[0],
                            row.getLong("global_index"));
                }, from, head));
        superuser.update("UPDATE chain_head SET hash = ? WHERE chain = 'events'", (Object) hash[0]);
    }

    private void insert(String table, Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        superuser.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")", columns.stream().map(row::get).toArray());
    }

    @Test
    void aHeadRunsNoCheckAndIsTheAuditorsAlone() {
        assertThat(integrity().path("status").asText()).isEqualTo("INTACT");
        ChainReport last = verifier.lastReport();

        Response head = api.as("auditor").head("/api/audit/integrity");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("application/json");
        assertThat(verifier.lastReport()).as("no check ran").isSameAs(last);
        for (String user : List.of("coordinator", "manager", "linkworker", "analyst", "dpo")) {
            assertThat(api.as(user).head("/api/audit/integrity").status()).as(user).isEqualTo(403);
        }
        assertThat(api.anonymous().head("/api/audit/integrity").status()).isEqualTo(401);
        assertThat(verifier.lastReport()).isSameAs(last);
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
            assertNamed(position, "differs");
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
            insert("domain_event_entry", row);
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

    /**
     * What an SQL injection could do: insert, as the service's own role, an event of someone else's
     * making at the end of the store, where the sealer seals whatever it finds. A new event
     * (here a copy of a real one under a new id and the aggregate's next sequence number, with or
     * without the real one's row MAC) is sealed, then named by the check.
     */
    @Test
    void anEventInsertedAsTheServicesRoleIsSealedAndNamedAsNotTheServices() {
        Scenario contacted = new Scenario();
        UUID participant = contacted.participant(30, "lw-chain", "Contacted");
        contacted.then(new ContactMade(participant, ContactChannel.PHONE, ContactDirection.INBOUND,
                Scenario.daysAgo(3)), "linkworker", "LINK_WORKER");
        append(contacted.events());
        awaitSealed();
        awaitProjections();
        long real = superuser.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, participant.toString(), ContactMade.class.getName());
        for (String rowMac : List.of("NULL", "row_mac")) {
            long forged = jdbc.queryForObject("""
                    INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        time_stamp, payload_type, payload_revision, payload, meta_data, row_mac)
                    SELECT aggregate_identifier,
                           (SELECT max(sequence_number) + 1 FROM domain_event_entry e
                            WHERE e.aggregate_identifier = d.aggregate_identifier),
                           type, gen_random_uuid()::text, time_stamp, payload_type, payload_revision, payload, meta_data,
                           %s
                    FROM domain_event_entry d WHERE global_index = ? RETURNING global_index""".formatted(rowMac),
                    Long.class, real);
            try {
                awaitSealed();
                assertNamed(forged, "not written by the service");
            } finally {
                // Made the service's for the classes sharing the database: the forged event stays, as sealed.
                giveItsRowMac(forged);
            }
        }
    }

    /**
     * A seal inserted ahead of the sealer, as the service's own role may: it would stop the sealer at
     * its position for good (the seal is there already), so the check names it at once.
     */
    @Test
    void aSealInsertedAboveTheSealedHeadIsNamed() {
        long ahead = sealedUpTo() + 1_000_000;
        jdbc.update("INSERT INTO chain_seal (chain, position, hash) VALUES ('events', ?, ?)", ahead, new byte[32]);
        try {
            assertNamed(ahead, "above the sealed head");
        } finally {
            behindTheServicesBack("chain_seal", () -> superuser.update(
                    "DELETE FROM chain_seal WHERE chain = 'events' AND position = ?", ahead));
        }
    }

    /** Writes the MAC the service would have written this event with, behind its back. */
    private void giveItsRowMac(long position) {
        Map<String, Object> row = superuser.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?",
                position);
        byte[] mac = RowMac.events(chainKey).event((String) row.get("event_identifier"),
                (String) row.get("aggregate_identifier"), ((Number) row.get("sequence_number")).longValue(),
                (String) row.get("type"), (String) row.get("time_stamp"), (String) row.get("payload_type"),
                (String) row.get("payload_revision"), (byte[]) row.get("payload"), (byte[]) row.get("meta_data"));
        behindTheServicesBack("domain_event_entry", () -> superuser.update(
                "UPDATE domain_event_entry SET row_mac = ? WHERE global_index = ?", mac, position));
    }

    @Test
    void aRewrittenSealIsNamed() {
        long position = someSealedPosition();
        byte[] original = superuser.queryForObject("SELECT hash FROM chain_seal WHERE chain = 'events' AND position = ?",
                byte[].class, position);
        behindTheServicesBack("chain_seal", () -> superuser.update(
                "UPDATE chain_seal SET hash = ? WHERE chain = 'events' AND position = ?", new byte[32], position));
        try {
            assertThat(integrity().path("firstFailure").path("position").asLong()).isEqualTo(position);
        } finally {
            behindTheServicesBack("chain_seal", () -> superuser.update(
                    "UPDATE chain_seal SET hash = ? WHERE chain = 'events' AND position = ?", original, position));
        }
    }

    @Test
    void theHistoryRefusesChangesThroughTheDatabasesRules() {
        long position = someSealedPosition();
        assertThatThrownBy(() -> superuser.update("UPDATE domain_event_entry SET payload_revision = 'x' WHERE global_index = ?",
                position)).hasMessageContaining("append-only");
        assertThatThrownBy(() -> superuser.update("DELETE FROM domain_event_entry WHERE global_index = ?", position))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> superuser.update("DELETE FROM chain_seal WHERE position = ?", position))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> superuser.update("UPDATE chain_head SET sealed_up_to = 0"))
                .hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> superuser.update("DELETE FROM event_chain_handover")).hasMessageContaining("append-only");
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
        assertThat(superuser.queryForObject("SELECT count(*) FROM chain_seal WHERE chain = 'events'", Long.class))
                .isEqualTo(superuser.queryForObject("SELECT count(*) FROM domain_event_entry "
                        + "WHERE global_index <= (SELECT sealed_up_to FROM chain_head WHERE chain = 'events')", Long.class));
        assertThat(integrity().path("status").asText()).isEqualTo("INTACT");
    }
}
