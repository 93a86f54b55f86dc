package org.signpost.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A coordinator decided on a referral. {@code failedCriteria} are the inclusion criteria the
 * referral failed; an ACCEPTED referral with failed criteria carries the override reason.
 */
public record Triaged(
        UUID referralId,
        TriageOutcome outcome,
        LocalDate triagedOn,
        List<InclusionCriterion> failedCriteria,
        String redirectedTo,
        PersonalData<String> reason,
        PersonalData<String> overrideReason) implements ReferralEvent {

    public Triaged {
        failedCriteria = List.copyOf(failedCriteria);
    }

    @Override
    public LocalDate occurredOn() {
        return triagedOn;
    }
}
