package org.signpost.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail's search indexes (V11) leave out the generation and compare bytes: each audit
 * search still finds its rows through them, in the active generation's partition.
 */
class AuditIndexesTest extends QuerySideTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theSearchIndexesStartWithWhatIsSearchedAndCompareBytes() {
        List<String> definitions = jdbc.queryForList("""
                SELECT regexp_replace(indexdef, '^.* USING btree ', '') FROM pg_indexes
                WHERE tablename = 'audit_event' AND indexname <> 'audit_event_pk' ORDER BY indexname""", String.class);
        assertThat(definitions).containsExactly("(actor, \"position\")", "(aggregate_id, sequence)",
                "(recorded_at)", "(type, \"position\")");
        assertThat(jdbc.queryForList("""
                SELECT attname || ' ' || collname FROM pg_attribute JOIN pg_collation ON pg_collation.oid = attcollation
                WHERE attrelid = 'audit_event'::regclass AND attname IN ('aggregate_id', 'actor', 'type')
                ORDER BY attname""", String.class))
                .containsExactly("actor C", "aggregate_id C", "type C");
    }

    @Test
    void everySearchGoesThroughItsIndexInTheActivePartition() {
        String active = ProjectionGenerations.active(AuditTrailReadModel.NAME);
        // Each search by identifier or name and the index of the active partition it must use (named
        // after its columns): the risk was an index whose collation the search's equality cannot use.
        // The values are rare ones, for which any planner prefers the index (for a common one it may
        // rightly walk the primary key in order instead, up to the page's limit).
        // (The time index holds no text; on the few rows of this database the planner rightly prefers
        // the primary key for a time window.)
        Map<String, String> searches = Map.of(
                "aggregate_id = 'a-1' AND aggregate_type = 'Referral' ORDER BY sequence", "aggregate_id_sequence_idx",
                "actor = 'no-such-actor' ORDER BY position LIMIT 20", "actor_position_idx",
                "type = 'NoSuchEvent' ORDER BY position LIMIT 20", "type_position_idx");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // Whatever the sizes the planner sees here, it must not prefer scanning the table.
            jdbc.execute("SET LOCAL enable_seqscan = off");
            searches.forEach((search, index) -> {
                String plan = String.join("\n", jdbc.queryForList(
                        "EXPLAIN SELECT * FROM audit_event WHERE generation = " + active + " AND " + search, String.class));
                assertThat(plan).as(search).contains(index).doesNotContain("Seq Scan on audit_event");
            });
        });
    }
}
