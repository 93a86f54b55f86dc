package org.signpost.query.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.Instrument;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.Timepoint;
import org.signpost.events.TriageOutcome;
import org.signpost.query.projection.ProjectionJson;

/** The live projection's {@link FactsWriter}: each fact becomes a row of the metric tables. */
final class SqlFactsWriter implements FactsWriter {

    /** Where the statements go: the projection's batch for the current events. */
    @FunctionalInterface
    interface Statements {
        void write(String sql, Object... args);
    }

    private final Statements statements;
    private final long position;

    SqlFactsWriter(Statements statements, long position) {
        this.statements = statements;
        this.position = position;
    }

    @Override
    public void referralReceived(UUID referralId, LocalDate receivedOn, ReferralSource source, ReferralChannel channel,
                                 List<ReferralReason> reasons, int ageOnReceipt) {
        statements.write("""
                INSERT INTO metric_referral (generation, referral_id, received_on, source, channel, reasons, age_on_receipt)
                VALUES ({generation}, ?, ?, ?, ?, ?, ?) ON CONFLICT (generation, referral_id) DO NOTHING""",
                referralId, receivedOn, source.name(), channel.name(), ProjectionJson.names(reasons), ageOnReceipt);
    }

    @Override
    public void referralTriaged(UUID referralId, TriageOutcome outcome, LocalDate triagedOn,
                                List<InclusionCriterion> failedCriteria) {
        statements.write("""
                UPDATE metric_referral SET triage_outcome = ?, triaged_on = ?, failed_criteria = ?
                WHERE generation = {generation} AND referral_id = ?""",
                outcome.name(), triagedOn, ProjectionJson.names(failedCriteria), referralId);
    }

    @Override
    public void participantEnrolled(UUID participantId, UUID referralId, LocalDate referralReceivedOn,
                                    ReferralSource source, String linkWorkerId) {
        statements.write("""
                INSERT INTO metric_participant (generation, participant_id, referral_id, referral_received_on, source,
                    link_worker_id)
                VALUES ({generation}, ?, ?, ?, ?, ?) ON CONFLICT (generation, participant_id) DO NOTHING""",
                participantId, referralId, referralReceivedOn, source.name(), linkWorkerId);
    }

    @Override
    public void sessionHeld(UUID participantId, UUID sessionId, LocalDate heldOn, int durationMinutes,
                            Integer walkMinutesFromHome, String linkWorkerId) {
        statements.write("""
                INSERT INTO metric_session (generation, session_id, participant_id, held_on, duration_minutes,
                    walk_minutes, link_worker_id, position)
                VALUES ({generation}, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (generation, session_id) DO NOTHING""",
                sessionId, participantId, heldOn, durationMinutes, walkMinutesFromHome, linkWorkerId, position);
    }

    @Override
    public void signposted(UUID participantId, UUID signpostId, LocalDate signpostedOn) {
        statements.write("""
                INSERT INTO metric_signpost (generation, signpost_id, participant_id, signposted_on)
                VALUES ({generation}, ?, ?, ?) ON CONFLICT (generation, signpost_id) DO NOTHING""",
                signpostId, participantId, signpostedOn);
    }

    @Override
    public void uptakeRecorded(UUID participantId, UUID signpostId, boolean attended, LocalDate recordedOn) {
        statements.write("""
                INSERT INTO metric_uptake (generation, position, participant_id, signpost_id, attended, recorded_on)
                VALUES ({generation}, ?, ?, ?, ?, ?) ON CONFLICT (generation, position) DO NOTHING""",
                position, participantId, signpostId, attended, recordedOn);
    }

    @Override
    public void outcomeMeasured(UUID participantId, long sequence, Instrument instrument, Timepoint timepoint,
                                LocalDate recordedOn, List<Integer> itemScores, BigDecimal score) {
        statements.write("""
                INSERT INTO metric_measure (generation, participant_id, sequence, instrument, timepoint, recorded_on,
                    item_scores, score)
                VALUES ({generation}, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (generation, participant_id, sequence) DO NOTHING""",
                participantId, sequence, instrument.name(), timepoint.name(), recordedOn,
                itemScores.stream().map(String::valueOf).collect(Collectors.joining(",")),
                score == null ? null : score.toPlainString());
    }

}
