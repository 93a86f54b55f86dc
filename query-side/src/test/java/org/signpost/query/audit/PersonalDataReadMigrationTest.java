package org.signpost.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.signpost.platform.database.DatabaseConfiguration.EmbeddedDatabase;
import org.signpost.platform.database.SchemaGrants;
import org.signpost.platform.testing.TestDatabase;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read log logged before V8 (one row per person) is carried over by the migration to one row
 * per answer: nothing lost, the same ids, and new reads numbered after them.
 */
class PersonalDataReadMigrationTest extends QuerySideTest {

    @Autowired
    EmbeddedDatabase embedded;

    @Test
    void readsLoggedBeforeArePeopleOfAnswersOfTheirOwnWithTheirIds() throws Exception {
        DataSource database = TestDatabase.freshDatabase(embedded, "read_log_migration");
        SchemaGrants.flyway(database).target("7").load().migrate();
        JdbcTemplate old = new JdbcTemplate(database);
        old.update("""
                INSERT INTO personal_data_read (actor, role, subject_type, subject_id, endpoint, correlation_id)
                VALUES ('coordinator', 'COORDINATOR', 'REFERRAL', 'r-1', 'GET /api/referrals/{referralId}', 'c-1'),
                       ('linkworker', 'LINK_WORKER', 'PARTICIPANT', 'p-1', 'GET /api/caseloads/{linkWorkerId}', 'c-2'),
                       ('linkworker', 'LINK_WORKER', 'PARTICIPANT', 'p-2', 'GET /api/caseloads/{linkWorkerId}', 'c-2')""");
        List<Long> before = old.queryForList("SELECT id FROM personal_data_read ORDER BY id", Long.class);

        SchemaGrants.flyway(database).load().migrate();

        assertThat(old.queryForList("SELECT id FROM personal_data_read ORDER BY id", Long.class)).isEqualTo(before);
        assertThat(old.queryForList("SELECT subject_ids[1] || ' ' || actor || ' ' || correlation_id "
                + "FROM personal_data_read ORDER BY id", String.class))
                .containsExactly("r-1 coordinator c-1", "p-1 linkworker c-2", "p-2 linkworker c-2");
        old.update("INSERT INTO personal_data_read (actor, role, subject_type, subject_ids, endpoint) "
                + "VALUES ('auditor', 'AUDITOR', 'PARTICIPANT', ARRAY['p-1', 'p-2'], 'GET /api/audit/events')");
        assertThat(old.queryForObject("SELECT max(id) FROM personal_data_read", Long.class))
                .isGreaterThan(before.get(2));
        assertThat(old.queryForObject("SELECT count(*) FROM personal_data_read WHERE subject_ids @> ARRAY['p-2'::varchar]",
                Integer.class)).isEqualTo(2);
    }
}
