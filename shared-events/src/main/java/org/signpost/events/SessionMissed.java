package org.signpost.events;

import java.time.LocalDate;
import java.util.UUID;

/** A planned session did not take place. */
public record SessionMissed(UUID participantId, LocalDate plannedOn, PersonalData<String> reason)
        implements ParticipantEvent {

    @Override
    public LocalDate occurredOn() {
        return plannedOn;
    }
}
