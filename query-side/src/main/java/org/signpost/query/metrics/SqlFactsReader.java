package org.signpost.query.metrics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.Instrument;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.Timepoint;
import org.signpost.events.TriageOutcome;
import org.signpost.projection.ProjectionGenerations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the live projection's facts back into any {@link FactsWriter}, in the order the fold
 * wrote them, from the active generation, within one read-only transaction (one snapshot: REPEATABLE
 * READ, as PostgreSQL's READ COMMITTED gives each statement a snapshot of its own): all of them, or
 * only those written since an earlier read's snapshot.
 */
@Component
public class SqlFactsReader {

    private static final String ACTIVE = ProjectionGenerations.active(MetricsReadModel.NAME);

    private final JdbcTemplate jdbc;

    public SqlFactsReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Where the facts stand in the reading transaction's snapshot.
     *
     * @param generation the active generation: a replay's result replaces every fact
     * @param state      equal for equal facts: the active generation, each segment's token (the
     *                   processor moves it in the transaction that writes the facts) and the dead
     *                   letters waiting (a retried one applies its event without moving a token)
     * @param snapshot   the snapshot itself, to read later only what was written after it
     * @param deadLetters whether dead letters are waiting: events whose facts are not here
     */
    public record Mark(String generation, String state, String snapshot, boolean deadLetters) {
    }

    /** Where the facts stand; call it in the transaction that reads them. */
    public Mark mark() {
        return jdbc.queryForObject("""
                SELECT g.active,
                    coalesce((SELECT string_agg(segment || ':' || coalesce(md5(token), ''), ',' ORDER BY segment)
                              FROM token_entry WHERE processor_name = ?), ''),
                    coalesce((SELECT string_agg(dead_letter_id, ',' ORDER BY dead_letter_id)
                              FROM dead_letter_entry WHERE processing_group = ?), ''),
                    pg_current_snapshot()::text
                FROM (SELECT coalesce((SELECT active::text FROM projection_generation WHERE projection = ?), '') AS active) g""",
                (rs, row) -> new Mark(rs.getString(1), rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
                        rs.getString(4), !rs.getString(3).isEmpty()),
                MetricsReadModel.NAME, MetricsReadModel.NAME, MetricsReadModel.NAME);
    }

    /** Every fact of the active generation, in the order the fold wrote them. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public <W extends FactsWriter> W readInto(W facts) {
        return read(facts, "", new Object[0]);
    }

    /**
     * The facts written, or rewritten, since {@code snapshot} was taken (by transactions it
     * does not see), in the order the fold wrote them; rows written before this version of the
     * tables count as old.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public <W extends FactsWriter> W readWrittenSince(String snapshot, W facts) {
        return read(facts, " AND written_by >= pg_snapshot_xmin(?::pg_snapshot)"
                + " AND NOT pg_visible_in_snapshot(written_by, ?::pg_snapshot)", new Object[] {snapshot, snapshot});
    }

    /**
     * Into {@link MetricFacts}, every fact goes with the instant its event was recorded (none for
     * rows written before the tables kept it).
     */
    private <W extends FactsWriter> W read(W facts, String since, Object[] parameters) {
        Function<Timestamp, FactsWriter> recordedAt = facts instanceof MetricFacts held
                ? at -> held.recordedAt(at == null ? null : at.toInstant()) : at -> facts;
        // Columns named and read by position: by name, the driver looks each one up for every value.
        Rows rows = (columns, table, order, each) -> jdbc.query("SELECT " + columns + " FROM " + table
                + " WHERE generation = " + ACTIVE + since + order, each, parameters);
        rows.each("referral_id, received_on, source, channel, reasons, age_on_receipt, triage_outcome, triaged_on,"
                + " failed_criteria, received_at, triaged_at", "metric_referral", "", rs -> {
                    UUID referralId = uuid(rs, 1);
                    recordedAt.apply(rs.getTimestamp(10)).referralReceived(referralId, date(rs, 2),
                            ReferralSource.valueOf(rs.getString(3)), ReferralChannel.valueOf(rs.getString(4)),
                            split(rs.getString(5), ReferralReason::valueOf), rs.getInt(6));
                    if (rs.getString(7) != null) {
                        recordedAt.apply(rs.getTimestamp(11)).referralTriaged(referralId,
                                TriageOutcome.valueOf(rs.getString(7)), date(rs, 8),
                                split(rs.getString(9), InclusionCriterion::valueOf));
                    }
                });
        rows.each("participant_id, referral_id, referral_received_on, source, link_worker_id, recorded_at",
                "metric_participant", "", rs -> recordedAt.apply(rs.getTimestamp(6)).participantEnrolled(uuid(rs, 1),
                        uuid(rs, 2), date(rs, 3), ReferralSource.valueOf(rs.getString(4)), rs.getString(5)));
        rows.each("participant_id, session_id, held_on, duration_minutes, walk_minutes, link_worker_id, recorded_at",
                "metric_session", " ORDER BY position", rs -> recordedAt.apply(rs.getTimestamp(7)).sessionHeld(
                        uuid(rs, 1), uuid(rs, 2), date(rs, 3), rs.getInt(4), (Integer) rs.getObject(5),
                        rs.getString(6)));
        rows.each("participant_id, signpost_id, signposted_on, recorded_at", "metric_signpost", "",
                rs -> recordedAt.apply(rs.getTimestamp(4)).signposted(uuid(rs, 1), uuid(rs, 2), date(rs, 3)));
        rows.each("participant_id, signpost_id, attended, recorded_on, recorded_at", "metric_uptake", " ORDER BY position",
                rs -> recordedAt.apply(rs.getTimestamp(5)).uptakeRecorded(uuid(rs, 1), uuid(rs, 2), rs.getBoolean(3),
                        date(rs, 4)));
        rows.each("participant_id, sequence, instrument, timepoint, recorded_on, item_scores, score, recorded_at",
                "metric_measure", " ORDER BY participant_id, sequence", rs -> {
                    String score = rs.getString(7);
                    recordedAt.apply(rs.getTimestamp(8)).outcomeMeasured(uuid(rs, 1), rs.getLong(2),
                            Instrument.valueOf(rs.getString(3)), Timepoint.valueOf(rs.getString(4)), date(rs, 5),
                            split(rs.getString(6), Integer::valueOf), score == null ? null : new BigDecimal(score));
                });
        return facts;
    }

    /** One query over a table of facts of the active generation, each row handed to {@code each}. */
    @FunctionalInterface
    private interface Rows {
        void each(String columns, String table, String order, RowCallbackHandler each);
    }

    private static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A list the writer joined with commas; empty for an empty list. */
    private static <E> List<E> split(String joined, Function<String, E> parse) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(parse).toList();
    }
}
