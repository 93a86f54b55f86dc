package org.signpost.events;

import java.time.LocalDate;
import java.util.UUID;

/** The referral was withdrawn before triage ended. */
public record ReferralWithdrawn(UUID referralId, LocalDate withdrawnOn, PersonalData<String> reason)
        implements ReferralEvent {

    @Override
    public LocalDate occurredOn() {
        return withdrawnOn;
    }
}
