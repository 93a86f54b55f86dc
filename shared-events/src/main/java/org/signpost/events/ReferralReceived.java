package org.signpost.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A referral form was recorded. {@code ageOnReceipt}, {@code postcodeDistrict} and
 * {@code failedCriteria} are the non-identifying facts derived from the personal details, kept
 * in clear so that evaluation and triage survive an erasure of the personal data.
 */
public record ReferralReceived(
        UUID referralId,
        ReferralSource source,
        ReferralChannel channel,
        LocalDate receivedOn,
        List<ReferralReason> reasons,
        List<Need> needs,
        ConsentGivenBy consentGivenBy,
        int ageOnReceipt,
        String postcodeDistrict,
        List<InclusionCriterion> failedCriteria,
        PersonalData<YoungPerson> youngPerson,
        PersonalData<Referrer> referrer,
        PersonalData<String> notes) implements ReferralEvent {

    public ReferralReceived {
        reasons = List.copyOf(reasons);
        needs = List.copyOf(needs);
        failedCriteria = List.copyOf(failedCriteria);
    }

    @Override
    public LocalDate occurredOn() {
        return receivedOn;
    }
}
