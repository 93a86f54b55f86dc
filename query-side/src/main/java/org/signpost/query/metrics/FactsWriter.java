package org.signpost.query.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.Instrument;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.Timepoint;
import org.signpost.events.TriageOutcome;

/**
 * The facts the evaluation metrics are computed from, as {@link MetricsFold} derives them from
 * events. Two implementations: {@link MetricFacts} in memory (replays, "as of", tests) and the
 * live projection's SQL tables. No personal data ever reaches a fact.
 */
public interface FactsWriter {

    void referralReceived(UUID referralId, LocalDate receivedOn, ReferralSource source, ReferralChannel channel,
                          List<ReferralReason> reasons, int ageOnReceipt);

    void referralTriaged(UUID referralId, TriageOutcome outcome, LocalDate triagedOn,
                         List<InclusionCriterion> failedCriteria);

    void participantEnrolled(UUID participantId, UUID referralId, LocalDate referralReceivedOn, ReferralSource source,
                             String linkWorkerId);

    void sessionHeld(UUID participantId, UUID sessionId, LocalDate heldOn, int durationMinutes,
                     Integer walkMinutesFromHome, String linkWorkerId);

    void signposted(UUID participantId, UUID signpostId, LocalDate signpostedOn);

    void uptakeRecorded(UUID participantId, UUID signpostId, boolean attended, LocalDate recordedOn);

    /** {@code sequence} orders measures of one participant as they were recorded. */
    void outcomeMeasured(UUID participantId, long sequence, Instrument instrument, Timepoint timepoint,
                         LocalDate recordedOn, List<Integer> itemScores, BigDecimal score);
}
