package org.signpost.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A support episode began: the first event of a participant. It repeats the facts of the
 * referral that the participant's own rules and the metrics need (date received, source).
 */
public record ParticipantEnrolled(
        UUID participantId,
        UUID referralId,
        String linkWorkerId,
        LocalDate enrolledOn,
        LocalDate referralReceivedOn,
        ReferralSource source) implements ParticipantEvent {

    @Override
    public LocalDate occurredOn() {
        return enrolledOn;
    }
}
