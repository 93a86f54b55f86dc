package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.signpost.query.caseload.CaseloadReadModel;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;
import org.springframework.beans.factory.annotation.Autowired;

/** The planner has statistics of the partitioned read-model tables, which autovacuum never gathers. */
class ReadModelStatisticsTest extends QuerySideTest {

    @Autowired
    ReadModelStatistics statistics;

    private int inheritedStatistics(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stats WHERE tablename = ? AND inherited", Integer.class,
                table);
    }

    @Test
    void aRebuiltReadModelIsAnalyzed() {
        Scenario scenario = new Scenario();
        scenario.participant(12, "lw-stats", "Planned");
        append(scenario.events());
        awaitProjections();
        // Whatever an earlier analysis left is gone: the rebuild alone must bring the statistics back.
        superuser().update("DELETE FROM pg_statistic WHERE starelid IN ('participant_view'::regclass, 'participant_name'::regclass)");
        assertThat(inheritedStatistics("participant_view")).isZero();

        projections.replay(CaseloadReadModel.NAME);
        await().atMost(Duration.ofSeconds(60)).until(() -> !projections.replaying(CaseloadReadModel.NAME)
                && projections.replaysIdle());

        assertThat(inheritedStatistics("participant_view")).isPositive();
        assertThat(inheritedStatistics("participant_name")).isPositive();
    }

    @Test
    void aTableIsStaleWithoutStatisticsOrAfterATenthOfItsRowsChanged() {
        jdbc.execute("DROP TABLE IF EXISTS stats_probe");
        jdbc.execute("CREATE TABLE stats_probe (generation INTEGER NOT NULL, id INTEGER NOT NULL) PARTITION BY LIST (generation)");
        jdbc.execute("CREATE TABLE stats_probe_g1 PARTITION OF stats_probe FOR VALUES IN (1)");
        jdbc.update("INSERT INTO stats_probe SELECT 1, i FROM generate_series(1, 5000) i");
        assertThat(statistics.stale("stats_probe")).as("never analyzed").isTrue();

        jdbc.execute("ANALYZE stats_probe");
        assertThat(statistics.stale("stats_probe")).as("just analyzed").isFalse();

        // Autovacuum counts a partition's rows again as they change; here it is done at once.
        jdbc.update("INSERT INTO stats_probe SELECT 1, i FROM generate_series(5001, 5400) i");
        jdbc.execute("ANALYZE stats_probe_g1");
        assertThat(statistics.stale("stats_probe")).as("400 rows more than analyzed").isFalse();

        jdbc.update("INSERT INTO stats_probe SELECT 1, i FROM generate_series(5401, 7000) i");
        jdbc.execute("ANALYZE stats_probe_g1");
        assertThat(statistics.stale("stats_probe")).as("2,000 rows more than analyzed").isTrue();

        jdbc.execute("DROP TABLE stats_probe");
    }

    @Test
    void theScheduledCheckAnalyzesAReadModelTableWithoutStatistics() {
        // As after the first build: the table's own statistics were never gathered. An analysis
        // running at this moment (the scheduled check, or a rebuild an earlier test started) writes
        // them back when it ends, so they are taken away until they stay away.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            superuser().update("UPDATE pg_class SET reltuples = -1 WHERE oid = 'referral_view'::regclass");
            return statistics.stale("referral_view");
        });

        statistics.refreshStale();

        assertThat(statistics.stale("referral_view")).isFalse();
        assertThat(jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = 'referral_view'::regclass",
                Double.class)).isNotNegative();
    }
}
