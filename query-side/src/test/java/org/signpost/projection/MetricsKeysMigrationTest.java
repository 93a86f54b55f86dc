package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.signpost.platform.database.DatabaseConfiguration.EmbeddedDatabase;
import org.signpost.platform.database.SchemaGrants;
import org.signpost.platform.testing.TestDatabase;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V14 on a database that has run for a while: the metric tables are made anew, keyed by
 * participant and id, every generation of theirs gone (attached or left over) and the
 * projection set to rebuild from the first event; the other read models keep their rows, their
 * columns of client text now text.
 */
class MetricsKeysMigrationTest extends QuerySideTest {

    @Autowired
    EmbeddedDatabase embedded;

    @Test
    void theMetricsRebuildKeyedByParticipantAndIdAndTheOtherReadModelsKeepTheirRows() throws Exception {
        DataSource database = TestDatabase.freshDatabase(embedded, "metrics_keys_migration");
        SchemaGrants.flyway(database).target("13").load().migrate();
        JdbcTemplate old = new JdbcTemplate(database);
        old.update("INSERT INTO projection_generation (projection, active, building) VALUES "
                + "('evaluation-metrics', 3, 3), ('referrals', 1, 1)");
        old.execute("CREATE TABLE metric_session_g3 PARTITION OF metric_session FOR VALUES IN (3)");
        old.execute("CREATE TABLE metric_uptake_g4 (LIKE metric_uptake)");
        old.update("INSERT INTO metric_session (generation, session_id, participant_id, held_on, duration_minutes, "
                + "position) VALUES (3, ?, ?, '2024-01-01', 40, 7)", UUID.randomUUID(), UUID.randomUUID());
        old.update("INSERT INTO token_entry (processor_name, segment) VALUES ('evaluation-metrics', 0), ('referrals', 0)");
        UUID referral = UUID.randomUUID();
        old.update("""
                INSERT INTO referral_view (generation, referral_id, status, source, channel, received_on, reasons, needs,
                    consent_given_by, age_on_receipt, failed_criteria, redirected_to, version)
                VALUES (1, ?, 'REDIRECTED', 'GP', 'EMAIL', '2024-01-01', 'ANXIETY', 'ANXIETY', 'YOUNG_PERSON', 14, '',
                    'CAMHS', 1)""", referral);

        SchemaGrants.flyway(database).load().migrate();

        assertThat(old.queryForList("SELECT relname FROM pg_class WHERE relname ~ '^metric_.*_g[0-9]+$' ORDER BY 1",
                String.class)).containsExactly("metric_measure_g1", "metric_participant_g1", "metric_referral_g1",
                "metric_session_g1", "metric_signpost_g1", "metric_uptake_g1");
        assertThat(old.queryForObject("SELECT count(*) FROM metric_session", Integer.class)).isZero();
        assertThat(primaryKey(old, "metric_session")).containsExactly("generation", "participant_id", "session_id");
        assertThat(primaryKey(old, "metric_signpost")).containsExactly("generation", "participant_id", "signpost_id");
        assertThat(old.queryForList("SELECT projection FROM projection_generation", String.class))
                .containsExactly("referrals");
        assertThat(old.queryForList("SELECT processor_name FROM token_entry", String.class))
                .containsExactly("referrals");
        assertThat(old.queryForObject("SELECT redirected_to FROM referral_view WHERE referral_id = ?", String.class,
                referral)).isEqualTo("CAMHS");
        assertThat(old.queryForList("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type = 'character varying'
                  AND column_name IN ('redirected_to', 'postcode_district', 'link_worker_id', 'actor', 'role',
                                      'correlation_id', 'item_scores', 'score')
                  AND table_name IN ('referral_view', 'participant_view', 'audit_event', 'metric_participant',
                                     'metric_session', 'metric_measure')""", String.class))
                .as("columns of client text still of a limited length").isEmpty();
    }

    private static List<String> primaryKey(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("""
                SELECT a.attname FROM pg_index i
                JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY k.n""", String.class, table);
    }
}
