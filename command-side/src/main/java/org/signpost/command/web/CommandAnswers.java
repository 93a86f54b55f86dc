package org.signpost.command.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.TriageOutcome;

/**
 * The bodies the commands answer, as the OpenAPI document gives them (the aggregates write them
 * as maps; these records name their fields and types for a client).
 */
final class CommandAnswers {

    private CommandAnswers() {
    }

    record ReferralReceived(UUID referralId) {
    }

    /** {@code failedCriteria}: the inclusion criteria the referral fails, whatever the outcome. */
    record Triaged(TriageOutcome outcome, List<InclusionCriterion> failedCriteria) {
    }

    record Assigned(UUID participantId) {
    }

    /** {@code beyondEntitlement}: the session is past the participant's weeks of support. */
    record SessionRecorded(UUID sessionId, boolean beyondEntitlement) {
    }

    /** {@code score}: SWEMWBS's metric score or UCLA3's total; none for ONS4, whose items are never summed. */
    record MeasureRecorded(BigDecimal score) {
    }

    record Signposted(UUID signpostId) {
    }

    record ConcernRaised(UUID concernId) {
    }

    /** {@code participantId}: none if the referral was never assigned. */
    record Erased(UUID referralId, UUID participantId, LocalDate erasedOn) {
    }

    /** An empty object: the command is recorded, and the ETag gives the new version. */
    record Recorded() {
    }
}
