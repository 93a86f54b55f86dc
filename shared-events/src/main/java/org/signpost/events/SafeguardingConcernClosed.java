package org.signpost.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A safeguarding concern raised earlier was closed, with its outcome. The outcome is free text
 * about the young person: personal data, sealed and erased with them as the concern's summary is.
 */
public record SafeguardingConcernClosed(
        UUID participantId, UUID concernId, LocalDate closedOn, PersonalData<String> outcome)
        implements ParticipantEvent {

    @Override
    public LocalDate occurredOn() {
        return closedOn;
    }
}
