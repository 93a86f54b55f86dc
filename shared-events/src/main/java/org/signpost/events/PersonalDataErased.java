package org.signpost.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An upheld erasure request was carried out: the young person's keys were destroyed, so every
 * {@link PersonalData} of their referral and of their support as a participant can never be read
 * again. Holds no personal data itself; the evaluation facts of the person's events stay.
 *
 * @param participantId the participant the referral became, if it was assigned
 * @param reason        the data protection officer's own words for it (a case reference), kept in
 *                      clear for the erasure log: never the young person's data. Null in erasures
 *                      recorded before a reason was asked for.
 */
public record PersonalDataErased(UUID referralId, UUID participantId, LocalDate erasedOn, String reason)
        implements ReferralEvent {

    @Override
    public LocalDate occurredOn() {
        return erasedOn;
    }
}
