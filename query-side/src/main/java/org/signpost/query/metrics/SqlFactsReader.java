package org.signpost.query.metrics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the live projection's facts back into any {@link FactsWriter}, in the order the fold
 * wrote them, from the active generation, within one read-only transaction (one snapshot: REPEATABLE
 * READ, as PostgreSQL's READ COMMITTED gives each statement a snapshot of its own).
 */
@Component
public class SqlFactsReader {

    private static final String ACTIVE = ProjectionGenerations.active(MetricsReadModel.NAME);

    private final JdbcTemplate jdbc;

    public SqlFactsReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the facts depend on, in a string equal for equal facts: the active generation, each
     * segment's token (the processor moves it in the transaction that writes the facts) and
     * the dead letters waiting (a retried one applies its event without moving a token).
     */
    public String state() {
        return jdbc.queryForObject("""
                SELECT coalesce((SELECT active::text FROM projection_generation WHERE projection = ?), '')
                    || '/' || coalesce((SELECT string_agg(segment || ':' || coalesce(md5(token), ''), ',' ORDER BY segment)
                                        FROM token_entry WHERE processor_name = ?), '')
                    || '/' || coalesce((SELECT string_agg(dead_letter_id, ',' ORDER BY dead_letter_id)
                                        FROM dead_letter_entry WHERE processing_group = ?), '')""", String.class,
                MetricsReadModel.NAME, MetricsReadModel.NAME,
                MetricsReadModel.NAME);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public <W extends FactsWriter> W readInto(W facts) {
        // Columns named and read by position: by name, the driver looks each one up for every value.
        jdbc.query("SELECT referral_id, received_on, source, channel, reasons, age_on_receipt, triage_outcome, triaged_on,"
                + " failed_criteria FROM metric_referral WHERE generation = " + ACTIVE, (ResultSet rs) -> {
            UUID referralId = uuid(rs, 1);
            facts.referralReceived(referralId, date(rs, 2), ReferralSource.valueOf(rs.getString(3)),
                    ReferralChannel.valueOf(rs.getString(4)), split(rs.getString(5), ReferralReason::valueOf), rs.getInt(6));
            if (rs.getString(7) != null) {
                facts.referralTriaged(referralId, TriageOutcome.valueOf(rs.getString(7)), date(rs, 8),
                        split(rs.getString(9), InclusionCriterion::valueOf));
            }
        });
        jdbc.query("SELECT participant_id, referral_id, referral_received_on, source, link_worker_id"
                + " FROM metric_participant WHERE generation = " + ACTIVE, (ResultSet rs) -> {
            facts.participantEnrolled(uuid(rs, 1), uuid(rs, 2), date(rs, 3), ReferralSource.valueOf(rs.getString(4)),
                    rs.getString(5));
        });
        jdbc.query("SELECT participant_id, session_id, held_on, duration_minutes, walk_minutes, link_worker_id"
                + " FROM metric_session WHERE generation = " + ACTIVE + " ORDER BY position", (ResultSet rs) -> {
            facts.sessionHeld(uuid(rs, 1), uuid(rs, 2), date(rs, 3), rs.getInt(4), (Integer) rs.getObject(5),
                    rs.getString(6));
        });
        jdbc.query("SELECT participant_id, signpost_id, signposted_on FROM metric_signpost WHERE generation = " + ACTIVE,
                (ResultSet rs) -> {
                    facts.signposted(uuid(rs, 1), uuid(rs, 2), date(rs, 3));
                });
        jdbc.query("SELECT participant_id, signpost_id, attended, recorded_on FROM metric_uptake WHERE generation = "
                + ACTIVE + " ORDER BY position", (ResultSet rs) -> {
            facts.uptakeRecorded(uuid(rs, 1), uuid(rs, 2), rs.getBoolean(3), date(rs, 4));
        });
        jdbc.query("SELECT participant_id, sequence, instrument, timepoint, recorded_on, item_scores, score"
                + " FROM metric_measure WHERE generation = " + ACTIVE + " ORDER BY participant_id, sequence",
                (ResultSet rs) -> {
                    String score = rs.getString(7);
                    facts.outcomeMeasured(uuid(rs, 1), rs.getLong(2), Instrument.valueOf(rs.getString(3)),
                            Timepoint.valueOf(rs.getString(4)), date(rs, 5), split(rs.getString(6), Integer::valueOf),
                            score == null ? null : new BigDecimal(score));
                });
        return facts;
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
