package org.signpost.projection.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;

/** The PostgreSQL event store read straight from its table, in one snapshot per scan. */
public final class JdbcEventSource implements EventSource {

    private final DataSource dataSource;
    private final EventStoreScan scan;
    private final JdbcTemplate jdbc;

    public JdbcEventSource(DataSource dataSource, EventStoreScan scan) {
        this.dataSource = dataSource;
        this.scan = scan;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public long scan(Selection selection, Consumer<StoredEvent> consumer) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            return scan.scan(connection, selection, consumer);
        }
    }

    @Override
    public OptionalLong scanCountingRecorded(Selection selection, Consumer<StoredEvent> consumer) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            long[] rows = {0};
            scan.scan(connection, selection, consumer, matched -> rows[0] = matched);
            return OptionalLong.of(rows[0]);
        }
    }

    @Override
    public OptionalLong countRecordedUpTo(Instant asOf) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            return OptionalLong.of(scan.count(connection, asOf, null));
        }
    }

    @Override
    public boolean seenByAll(Instant asOf, List<TrackingToken> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        // Seen by every segment: at or before the lowest token's position and in none's gaps.
        long lowest = Long.MAX_VALUE;
        SortedSet<Long> gaps = new TreeSet<>();
        for (TrackingToken token : tokens) {
            if (!(token instanceof GapAwareTrackingToken gapAware)) {
                return false;
            }
            lowest = Math.min(lowest, gapAware.getIndex());
            gaps.addAll(gapAware.getGaps());
        }
        String gapArray = gaps.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        Boolean unseen = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM domain_event_entry
                               WHERE (global_index > ? OR global_index = ANY (?::bigint[])) AND time_stamp <= ?)""",
                Boolean.class, lowest, gapArray, EventStoreScan.storedTimeStamp(asOf));
        return Boolean.FALSE.equals(unseen);
    }

    @Override
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    @Override
    public TrackingToken token(long index, SortedSet<Long> gaps) {
        return GapAwareTrackingToken.newInstance(index, gaps);
    }
}
