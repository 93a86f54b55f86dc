package org.signpost.events;

import java.time.LocalDate;
import java.util.UUID;

/** A manager extended support beyond the 12-week entitlement by {@code weeks}. */
public record SupportExtended(UUID participantId, int weeks, LocalDate extendedOn, PersonalData<String> reason)
        implements ParticipantEvent {

    @Override
    public LocalDate occurredOn() {
        return extendedOn;
    }
}
