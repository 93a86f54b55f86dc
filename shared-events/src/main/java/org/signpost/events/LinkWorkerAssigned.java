package org.signpost.events;

import java.time.LocalDate;
import java.util.UUID;

/** An accepted referral was given a link worker, which enrols {@code participantId}. */
public record LinkWorkerAssigned(UUID referralId, UUID participantId, String linkWorkerId, LocalDate assignedOn)
        implements ReferralEvent {

    @Override
    public LocalDate occurredOn() {
        return assignedOn;
    }
}
