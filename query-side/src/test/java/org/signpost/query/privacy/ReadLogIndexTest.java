package org.signpost.query.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.platform.database.DatabaseConfiguration.EmbeddedDatabase;
import org.signpost.platform.database.SchemaGrants;
import org.signpost.platform.testing.TestDatabase;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The read log's people go into its index's pending list, and are merged into the index between
 * answers; a search finds a read either way. On a database of its own, where the service's own
 * merges every two seconds cannot empty the list between a test's steps.
 */
class ReadLogIndexTest extends QuerySideTest {

    private static final String SHOWN_TWICE = "p-shown-twice";

    @Autowired
    EmbeddedDatabase embedded;

    private JdbcTemplate log;
    private JdbcTemplate service;

    @BeforeEach
    void aMigratedDatabaseOfItsOwn() throws Exception {
        DataSource database = TestDatabase.freshDatabase(embedded, "read_log_index");
        SchemaGrants.flyway(database).load().migrate();
        log = new JdbcTemplate(database);
        service = new JdbcTemplate(TestDatabase.asService(embedded, "read_log_index"));
    }

    private void answerShowing(String... people) {
        log.update("INSERT INTO personal_data_read (actor, role, subject_type, subject_ids, endpoint) "
                + "VALUES ('linkworker', 'LINK_WORKER', 'PARTICIPANT', ?::varchar[], 'GET /api/caseloads/{linkWorkerId}')",
                "{" + String.join(",", people) + "}");
    }

    /** Reads of a person as the auditors' search finds them: through the index, pending or merged. */
    private int readsOf(String person) {
        log.execute("SET enable_seqscan = off");
        return log.queryForObject("SELECT count(*) FROM personal_data_read WHERE subject_ids @> ARRAY[?::varchar]",
                Integer.class, person);
    }

    @Test
    void answersLeaveTheirPeoplePendingAndTheMergeTakesThemIntoTheIndex() {
        for (int i = 0; i < 200; i++) {
            answerShowing("p-" + i, SHOWN_TWICE, "p-" + (i + 1000));
        }
        answerShowing(SHOWN_TWICE);
        assertThat(readsOf(SHOWN_TWICE)).isEqualTo(201);

        // As the service, which does not own the index and asks its owner's function to merge it.
        ReadLogIndex index = new ReadLogIndex(service);
        assertThat(index.merge()).isPositive();
        assertThat(index.merge()).isZero();
        assertThat(readsOf(SHOWN_TWICE)).isEqualTo(201);
        assertThat(readsOf("p-7")).isEqualTo(1);
        assertThat(readsOf("p-1007")).isEqualTo(1);
        assertThat(readsOf("p-nobody")).isZero();
    }

    @Test
    void theListHoldsFarMoreThanTheAnswersBetweenTwoMerges() {
        assertThat(log.queryForObject("SELECT array_to_string(reloptions, ',') FROM pg_class "
                + "WHERE relname = 'personal_data_read_subjects_idx'", String.class))
                .contains("fastupdate=on").contains("gin_pending_list_limit=16384");
    }

    @Test
    void aUserWhoMayNotMergeLeavesItToAutovacuumWithoutFailing() {
        log.execute("DROP ROLE IF EXISTS read_log_stranger");
        log.execute("CREATE ROLE read_log_stranger LOGIN PASSWORD 'stranger-password'");
        answerShowing("p-1");
        String url = ((DriverManagerDataSource) log.getDataSource()).getUrl();
        ReadLogIndex stranger = new ReadLogIndex(new JdbcTemplate(
                new DriverManagerDataSource(url, "read_log_stranger", "stranger-password")));

        assertThat(stranger.merge()).isZero();
        assertThat(new ReadLogIndex(service).merge()).isPositive();
    }
}
