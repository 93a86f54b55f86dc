package org.signpost.query.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.signpost.events.Need;
import org.signpost.platform.database.DatabaseConfiguration.EmbeddedDatabase;
import org.signpost.platform.database.SchemaGrants;
import org.signpost.platform.testing.TestDatabase;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.projection.ReplayEngine;
import org.signpost.query.referrals.ReferralsReadModel;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V20 on an installation that has read models already: the referrals keep their rows, get the
 * digest columns (empty), and their rebuild is marked under way, so that the next start makes
 * the digests of every older referral while reads go on from the rows there are.
 */
class PeopleSearchMigrationTest extends QuerySideTest {

    @Autowired
    EmbeddedDatabase embedded;

    @Autowired
    ReplayEngine replayEngine;

    @Test
    void theReferralsKeepTheirRowsAndAreRebuiltAtTheNextStart() throws Exception {
        DataSource database = TestDatabase.freshDatabase(embedded, "person_lookup_migration");
        SchemaGrants.flyway(database).target("19").load().migrate();
        JdbcTemplate old = new JdbcTemplate(database);
        old.update("INSERT INTO projection_generation (projection, active, building) VALUES "
                + "('referrals', 2, 2), ('caseload', 1, 1)");
        old.execute("CREATE TABLE referral_view_g2 PARTITION OF referral_view FOR VALUES IN (2)");
        UUID referral = UUID.randomUUID();
        old.update("""
                INSERT INTO referral_view (generation, referral_id, status, source, channel, received_on, reasons, needs,
                    consent_given_by, age_on_receipt, failed_criteria, version)
                VALUES (2, ?, 'AWAITING_TRIAGE', 'GP', 'EMAIL', '2024-01-01', 'ANXIETY', 'ANXIETY', 'YOUNG_PERSON', 14,
                    '', 0)""", referral);

        SchemaGrants.flyway(database).load().migrate();

        assertThat(old.queryForMap("SELECT status, nhs_number_digest, surname_birth_digest FROM referral_view "
                + "WHERE referral_id = ?", referral)).containsEntry("status", "AWAITING_TRIAGE")
                .containsEntry("nhs_number_digest", null).containsEntry("surname_birth_digest", null);
        assertThat(old.queryForList("SELECT projection || ' ' || active || ' ' || building FROM projection_generation "
                + "ORDER BY projection", String.class)).as("only the referrals to rebuild, the active one read meanwhile")
                .containsExactly("caseload 1 1", "referrals 2 3");
        assertThat(old.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'referral_view_g2' "
                + "AND indexdef LIKE '%digest%' ORDER BY 1", String.class)).hasSize(2);
    }

    @Test
    void aRebuildMarkedUnderWayGivesTheOlderReferralsTheirDigests() {
        Scenario scenario = new Scenario();
        UUID referral = scenario.referral(3, 14, List.of(Need.ANXIETY), "Older");
        append(scenario.events());
        awaitProjections();
        String active = ProjectionGenerations.active(ReferralsReadModel.NAME);
        String select = "SELECT nhs_number_digest, surname_birth_digest FROM referral_view WHERE generation = "
                + active + " AND referral_id = ?";
        Map<String, Object> digests = jdbc.queryForMap(select, referral);
        assertThat(digests.values()).doesNotContainNull();
        // As the rows of a read model made before V20 are, and as V20 leaves the projection.
        jdbc.update("UPDATE referral_view SET nhs_number_digest = NULL, surname_birth_digest = NULL "
                + "WHERE generation = " + active + " AND referral_id = ?", referral);
        jdbc.update("UPDATE projection_generation SET building = active + 1 WHERE projection = 'referrals'");

        // What the next start does.
        replayEngine.resumeInterruptedRebuilds();
        await().atMost(Duration.ofSeconds(60)).until(() -> !generations.rebuild(ReferralsReadModel.NAME).underWay()
                && projections.replaysIdle());
        awaitProjections();

        assertThat(jdbc.queryForMap(select, referral)).isEqualTo(digests);
    }
}
