package org.signpost.query.metrics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.Instrument;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.Timepoint;
import org.signpost.events.TriageOutcome;
import org.signpost.projection.RowInsert;
import org.signpost.projection.RowWriter;
import org.signpost.query.projection.ProjectionJson;

/**
 * The live projection's {@link FactsWriter}: each fact becomes a row of the metric tables.
 *
 * <p>Sessions and signposts are keyed by participant and id (V14): their ids are the clients',
 * unique only within a participant, whose aggregate refuses a second one under an id it holds.
 * Keyed by the id alone, another participant's session of the same id was dropped live (the
 * insert skips a row whose key exists) and made every replay fail (its COPY has no such skip).
 */
final class SqlFactsWriter implements FactsWriter {

    private static final RowInsert PARTICIPANT = RowInsert.into("metric_participant", "participant_id", "referral_id",
            "referral_received_on", "source", "link_worker_id", "recorded_at");
    private static final RowInsert SESSION = RowInsert.into("metric_session", "participant_id", "session_id", "held_on",
            "duration_minutes", "walk_minutes", "link_worker_id", "position", "recorded_at");
    private static final RowInsert SIGNPOST = RowInsert.into("metric_signpost", "participant_id", "signpost_id",
            "signposted_on", "recorded_at");
    private static final RowInsert UPTAKE = RowInsert.into("metric_uptake", "position", "participant_id",
            "signpost_id", "attended", "recorded_on", "recorded_at");
    private static final RowInsert MEASURE = RowInsert.into("metric_measure", "participant_id", "sequence",
            "instrument", "timepoint", "recorded_on", "item_scores", "score", "recorded_at");

    /** Where the rows go: the projection's batch for the current events. */
    private final RowWriter rows;
    /** The event's position in the store, looked up only for the facts that keep it. */
    private final LongSupplier position;
    /**
     * When the event was recorded, as the store stamped it (to the millisecond): every fact
     * keeps it, so that the facts recorded up to an instant are those "as of" it (StampedFacts).
     */
    private final Timestamp recordedAt;

    SqlFactsWriter(RowWriter rows, LongSupplier position, Instant recordedAt) {
        this.rows = rows;
        this.position = position;
        this.recordedAt = Timestamp.from(recordedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    @Override
    public void referralReceived(UUID referralId, LocalDate receivedOn, ReferralSource source, ReferralChannel channel,
                                 List<ReferralReason> reasons, int ageOnReceipt) {
        rows.create(MetricReferralRows.TABLE, referralId, () -> new MetricReferralRows.Row(referralId, receivedOn,
                source.name(), channel.name(), ProjectionJson.csv(reasons), ageOnReceipt, recordedAt));
    }

    @Override
    public void referralTriaged(UUID referralId, TriageOutcome outcome, LocalDate triagedOn,
                                List<InclusionCriterion> failedCriteria) {
        rows.change(MetricReferralRows.TABLE, referralId, row -> {
            row.triageOutcome = outcome.name();
            row.triagedOn = triagedOn;
            row.failedCriteria = ProjectionJson.csv(failedCriteria);
            row.triagedAt = recordedAt;
        });
    }

    @Override
    public void participantEnrolled(UUID participantId, UUID referralId, LocalDate referralReceivedOn,
                                    ReferralSource source, String linkWorkerId) {
        rows.insert(PARTICIPANT, participantId, referralId, referralReceivedOn, source.name(), linkWorkerId, recordedAt);
    }

    @Override
    public void sessionHeld(UUID participantId, UUID sessionId, LocalDate heldOn, int durationMinutes,
                            Integer walkMinutesFromHome, String linkWorkerId) {
        rows.insert(SESSION, participantId, sessionId, heldOn, durationMinutes, walkMinutesFromHome, linkWorkerId, position.getAsLong(),
                recordedAt);
    }

    @Override
    public void signposted(UUID participantId, UUID signpostId, LocalDate signpostedOn) {
        rows.insert(SIGNPOST, participantId, signpostId, signpostedOn, recordedAt);
    }

    @Override
    public void uptakeRecorded(UUID participantId, UUID signpostId, boolean attended, LocalDate recordedOn) {
        rows.insert(UPTAKE, position.getAsLong(), participantId, signpostId, attended, recordedOn, recordedAt);
    }

    @Override
    public void outcomeMeasured(UUID participantId, long sequence, Instrument instrument, Timepoint timepoint,
                                LocalDate recordedOn, List<Integer> itemScores, BigDecimal score) {
        rows.insert(MEASURE, participantId, sequence, instrument.name(), timepoint.name(), recordedOn,
                itemScores.stream().map(String::valueOf).collect(Collectors.joining(",")),
                score == null ? null : score.toPlainString(), recordedAt);
    }

}
