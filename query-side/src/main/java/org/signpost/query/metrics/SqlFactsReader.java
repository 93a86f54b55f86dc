package org.signpost.query.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.signpost.query.projection.ProjectionGenerations;
import org.signpost.query.projection.ProjectionNames;
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

    private static final String ACTIVE = ProjectionGenerations.active(ProjectionNames.EVALUATION_METRICS);

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
                ProjectionNames.EVALUATION_METRICS, ProjectionNames.EVALUATION_METRICS,
                ProjectionNames.EVALUATION_METRICS);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public <W extends FactsWriter> W readInto(W facts) {
        jdbc.query("SELECT * FROM metric_referral WHERE generation = " + ACTIVE, (ResultSet rs) -> {
            UUID referralId = uuid(rs, "referral_id");
            facts.referralReceived(referralId, rs.getObject("received_on", java.time.LocalDate.class),
                    ReferralSource.valueOf(rs.getString("source")), ReferralChannel.valueOf(rs.getString("channel")),
                    split(rs.getString("reasons"), ReferralReason::valueOf), rs.getInt("age_on_receipt"));
            if (rs.getString("triage_outcome") != null) {
                facts.referralTriaged(referralId, TriageOutcome.valueOf(rs.getString("triage_outcome")),
                        rs.getObject("triaged_on", java.time.LocalDate.class),
                        split(rs.getString("failed_criteria"), InclusionCriterion::valueOf));
            }
        });
        jdbc.query("SELECT * FROM metric_participant WHERE generation = " + ACTIVE, (ResultSet rs) -> {
            facts.participantEnrolled(uuid(rs, "participant_id"), uuid(rs, "referral_id"),
                    rs.getObject("referral_received_on", java.time.LocalDate.class),
                    ReferralSource.valueOf(rs.getString("source")), rs.getString("link_worker_id"));
        });
        jdbc.query("SELECT * FROM metric_session WHERE generation = " + ACTIVE + " ORDER BY position", (ResultSet rs) -> {
            facts.sessionHeld(uuid(rs, "participant_id"), uuid(rs, "session_id"),
                    rs.getObject("held_on", java.time.LocalDate.class), rs.getInt("duration_minutes"),
                    (Integer) rs.getObject("walk_minutes"), rs.getString("link_worker_id"));
        });
        jdbc.query("SELECT * FROM metric_signpost WHERE generation = " + ACTIVE, (ResultSet rs) -> {
            facts.signposted(uuid(rs, "participant_id"), uuid(rs, "signpost_id"),
                    rs.getObject("signposted_on", java.time.LocalDate.class));
        });
        jdbc.query("SELECT * FROM metric_uptake WHERE generation = " + ACTIVE + " ORDER BY position", (ResultSet rs) -> {
            facts.uptakeRecorded(uuid(rs, "participant_id"), uuid(rs, "signpost_id"), rs.getBoolean("attended"),
                    rs.getObject("recorded_on", java.time.LocalDate.class));
        });
        jdbc.query("SELECT * FROM metric_measure WHERE generation = " + ACTIVE + " ORDER BY participant_id, sequence",
                (ResultSet rs) -> {
                    facts.outcomeMeasured(uuid(rs, "participant_id"), rs.getLong("sequence"),
                            Instrument.valueOf(rs.getString("instrument")), Timepoint.valueOf(rs.getString("timepoint")),
                            rs.getObject("recorded_on", java.time.LocalDate.class),
                            split(rs.getString("item_scores"), Integer::valueOf),
                            rs.getString("score") == null ? null : new java.math.BigDecimal(rs.getString("score")));
                });
        return facts;
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** A list the writer joined with commas; empty for an empty list. */
    private static <E> List<E> split(String joined, Function<String, E> parse) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(parse).toList();
    }
}
