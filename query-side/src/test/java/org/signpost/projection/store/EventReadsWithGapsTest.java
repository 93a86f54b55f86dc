package org.signpost.projection.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.platform.axon.AxonStorageConfiguration;
import org.signpost.platform.axon.EventReadsWithGaps;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A processor whose position jumped over more missing positions than a statement takes
 * parameters (PostgreSQL: 65,535) still reads the events after it, and those that fill a gap
 * late; Axon's own statement for the same read cannot even be sent.
 */
class EventReadsWithGapsTest extends QuerySideTest {

    private static final EventSchema SCHEMA = AxonStorageConfiguration.eventSchema("gap_events");

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void events() {
        jdbc.execute("CREATE TABLE gap_events (LIKE domain_event_entry INCLUDING ALL)");
        // Positions 1, then 70,003 and 70,004 (seen by the processor), and 40,000 committed late, in the gap.
        for (long position : new long[] {1, 40_000, 70_003, 70_004}) {
            jdbc.update("""
                    INSERT INTO gap_events (global_index, aggregate_identifier, sequence_number, type,
                        event_identifier, payload, payload_type, time_stamp)
                    VALUES (?, 'a-' || ?, 0, 'Referral', 'e-' || ?, '\\x7b7d'::bytea, 'T', '2026-11-30T00:00:00Z')""",
                    position, position, position);
        }
    }

    @AfterEach
    void drop() {
        jdbc.execute("DROP TABLE gap_events");
    }

    @Test
    void eventsAfterAJumpOfMoreGapsThanParametersAreRead() throws Exception {
        List<Long> gaps = LongStream.rangeClosed(2, 70_002).boxed().toList();

        assertThat(read(new EventReadsWithGaps(), 70_003, gaps)).containsExactly(40_000L, 70_004L);
        assertThatThrownBy(() -> read(JdbcEventStorageEngineStatements::readEventDataWithGaps, 70_003, gaps))
                .hasMessageContaining("65,535");
    }

    @Test
    void aReadWithFewGapsIsAsAxonsOwn() throws Exception {
        List<Long> gaps = List.of(2L, 40_000L, 50_000L);

        assertThat(read(new EventReadsWithGaps(), 1, gaps))
                .isEqualTo(read(JdbcEventStorageEngineStatements::readEventDataWithGaps, 1, gaps))
                .containsExactly(40_000L);
    }

    private List<Long> read(ReadEventDataWithGapsStatementBuilder statement, long after, List<Long> gaps)
            throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = statement.build(connection, SCHEMA, after, 100, gaps);
             ResultSet rows = read.executeQuery()) {
            List<Long> positions = new ArrayList<>();
            while (rows.next()) {
                positions.add(rows.getLong(SCHEMA.globalIndexColumn()));
            }
            return positions;
        }
    }
}
