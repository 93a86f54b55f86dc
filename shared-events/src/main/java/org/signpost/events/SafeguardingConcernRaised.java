package org.signpost.events;

import java.time.LocalDate;
import java.util.UUID;

/** A link worker raised a safeguarding concern about the participant. */
public record SafeguardingConcernRaised(
        UUID participantId, UUID concernId, LocalDate raisedOn, PersonalData<String> summary)
        implements ParticipantEvent {

    @Override
    public LocalDate occurredOn() {
        return raisedOn;
    }
}
