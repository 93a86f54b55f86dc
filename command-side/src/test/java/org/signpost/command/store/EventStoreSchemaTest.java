package org.signpost.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.command.web.CommandSideHttpTest;

/**
 * The Axon-on-PostgreSQL traps stay closed: serialized columns are bytea (no large objects),
 * and the global index comes one value at a time, in commit order of allocation.
 */
class EventStoreSchemaTest extends CommandSideHttpTest {

    @Test
    void serializedColumnsAreBytea() {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE column_name IN ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')
                  AND table_name IN ('domain_event_entry', 'snapshot_event_entry', 'token_entry',
                                     'dead_letter_entry', 'saga_entry')
                  AND table_schema = current_schema()""");
        assertThat(columns).hasSizeGreaterThanOrEqualTo(9);
        assertThat(columns).allSatisfy(column -> assertThat(column.get("data_type")).isEqualTo("bytea"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void theGlobalIndexIsAllocatedOneAtATime() {
        Map<String, Object> sequence = jdbc.queryForMap("""
                SELECT increment_by, cache_size FROM pg_sequences
                WHERE sequencename = 'domain_event_entry_global_index_seq'""");
        assertThat(((Number) sequence.get("increment_by")).longValue()).isEqualTo(1);
        assertThat(((Number) sequence.get("cache_size")).longValue()).isEqualTo(1);
    }

    @Test
    void globalIndexesFollowTheOrderOfWriting() {
        String referralId = receiveReferral();
        List<Long> positions = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                Long.class, referralId);
        api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                Map.of("outcome", "DECLINED", "triagedOn", day(1)));
        List<Long> after = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                Long.class, referralId);
        assertThat(after).hasSize(2);
        assertThat(after.get(1)).isGreaterThan(positions.get(0));
    }
}
