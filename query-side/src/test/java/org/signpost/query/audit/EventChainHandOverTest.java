package org.signpost.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.platform.database.DatabaseConfiguration.EmbeddedDatabase;
import org.signpost.platform.database.SchemaGrants;
import org.signpost.platform.integrity.Chain;
import org.signpost.platform.integrity.ChainAnchor;
import org.signpost.platform.integrity.ChainKey;
import org.signpost.platform.integrity.ChainReport;
import org.signpost.platform.integrity.ChainSealer;
import org.signpost.platform.integrity.ChainVerifier;
import org.signpost.platform.integrity.ChainedRows;
import org.signpost.platform.integrity.LegacyEventChain;
import org.signpost.platform.integrity.RowDigest;
import org.signpost.platform.integrity.SealedHead;
import org.signpost.platform.testing.TestDatabase;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * An installation of an earlier version holds an unkeyed chain (V3). Before the keyed chain seals
 * its first event, the unkeyed one is checked once, as it stands, and what it found is recorded
 * and reported for good: a history changed before the hand-over is not vouched for afterwards.
 */
class EventChainHandOverTest extends QuerySideTest {

    private static final int EVENTS = 12;

    @Autowired
    EmbeddedDatabase embedded;

    @TempDir
    Path home;

    /** A database of an earlier version, with events sealed by its unkeyed chain, migrated to this one. */
    private JdbcTemplate earlierInstallation(String name, long changedBeforeHandOver) throws Exception {
        DataSource database = TestDatabase.freshDatabase(embedded, name);
        SchemaGrants.flyway(database).target("13").load().migrate();
        JdbcTemplate old = new JdbcTemplate(database);
        old.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                    payload, payload_type, time_stamp)
                SELECT 'referral-' || i, 0, 'Referral', 'event-' || i, convert_to('{"actor":"coordinator"}', 'UTF8'),
                    convert_to('{"n":' || i || '}', 'UTF8'), 'org.signpost.events.ReferralReceived',
                    '2026-01-01T00:00:0' || (i % 10) || 'Z'
                FROM generate_series(1, ?) i""", EVENTS);
        // Sealed as V3's sealer sealed them.
        byte[][] hash = {new byte[32]};
        old.query("SELECT " + String.join(", ", ChainedRows.EVENTS.columns()) + " FROM domain_event_entry ORDER BY global_index",
                (RowCallbackHandler) row -> {
                    hash[0] = RowDigest.unkeyed().next(hash[0], ChainedRows.EVENTS, row);
                    old.update("INSERT INTO event_chain (global_index, hash) VALUES (?, ?)", row.getLong("global_index"),
                            hash[0]);
                });
        old.update("UPDATE event_chain_head SET sealed_up_to = ?, hash = ?", EVENTS, hash[0]);
        if (changedBeforeHandOver > 0) {
            old.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER USER");
            old.update("UPDATE domain_event_entry SET meta_data = convert_to('{\"actor\":\"someone-else\"}', 'UTF8') "
                    + "WHERE global_index = ?", changedBeforeHandOver);
            old.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER USER");
        }
        SchemaGrants.flyway(database).load().migrate();
        return old;
    }

    private record Service(LegacyEventChain handOver, ChainSealer sealer, ChainVerifier verifier) {
    }

    /** The keyed chain as the service keeps it, on that database, sealed up to its last event. */
    private Service sealedByTheService(JdbcTemplate jdbc) throws Exception {
        ChainKey key = ChainKey.load(TestDatabase.INTEGRITY_KEY, null);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(jdbc.getDataSource());
        ChainAnchor anchor = new ChainAnchor(home.resolve("chain-anchor"), key);
        LegacyEventChain handOver = new LegacyEventChain(jdbc, key, Clock.systemUTC());
        ChainSealer sealer = new ChainSealer(Chain.events(key), jdbc, transactions, Duration.ZERO, anchor, handOver);
        for (int run = 0; run < 10 && sealer.seal().position() < EVENTS; run++) {
            Thread.sleep(50);
        }
        assertThat(sealer.seal().position()).isEqualTo(EVENTS);
        return new Service(handOver, sealer,
                new ChainVerifier(Chain.events(key), jdbc, transactions, anchor, handOver, Clock.systemUTC()));
    }

    @Test
    void anIntactUnkeyedChainIsHandedOverAndTheWholeHistorySealedAgainUnderTheKey() throws Exception {
        JdbcTemplate jdbc = earlierInstallation("chain_handover_intact", 0);
        byte[] unkeyedHead = jdbc.queryForObject("SELECT hash FROM event_chain_head", byte[].class);

        Service service = sealedByTheService(jdbc);

        ChainReport handOver = service.handOver().report().orElseThrow();
        assertThat(handOver.status()).isEqualTo(ChainReport.Status.INTACT);
        assertThat(handOver.verified()).isEqualTo(EVENTS);
        assertThat(handOver.headHash()).as("comparable with a head hash noted down before")
                .isEqualTo(new SealedHead(EVENTS, unkeyedHead).hex());
        ChainReport keyed = service.verifier().verify();
        assertThat(keyed.status()).isEqualTo(ChainReport.Status.INTACT);
        assertThat(keyed.verified()).isEqualTo(EVENTS);
        assertThat(keyed.headHash()).as("sealed under the key, not as before").isNotEqualTo(handOver.headHash());
    }

    @Test
    void aHistoryChangedBeforeTheHandOverStaysBrokenAfterIt() throws Exception {
        JdbcTemplate jdbc = earlierInstallation("chain_handover_broken", 5);

        Service service = sealedByTheService(jdbc);

        ChainReport handOver = service.handOver().report().orElseThrow();
        assertThat(handOver.status()).isEqualTo(ChainReport.Status.BROKEN);
        assertThat(handOver.firstFailure().position()).isEqualTo(5);
        ChainReport keyed = service.verifier().verify();
        assertThat(keyed.status()).isEqualTo(ChainReport.Status.BROKEN);
        assertThat(keyed.firstFailure().position()).isEqualTo(5);
        assertThat(keyed.firstFailure().reason()).startsWith("before the keyed chain took over").contains("differs");

        // Nor can the record be made to say otherwise.
        jdbc.execute("ALTER TABLE event_chain_handover DISABLE TRIGGER USER");
        jdbc.update("UPDATE event_chain_handover SET status = 'INTACT', failure_position = NULL, failure_reason = NULL");
        jdbc.execute("ALTER TABLE event_chain_handover ENABLE TRIGGER USER");
        assertThat(service.verifier().verify().firstFailure().reason()).contains("was changed after it was made");
    }
}
