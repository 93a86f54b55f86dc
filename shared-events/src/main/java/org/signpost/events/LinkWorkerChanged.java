package org.signpost.events;

import java.time.LocalDate;
import java.util.UUID;

/** The participant moved to another link worker; the history stays with the participant. */
public record LinkWorkerChanged(
        UUID participantId,
        String previousLinkWorkerId,
        String linkWorkerId,
        LocalDate changedOn,
        PersonalData<String> reason) implements ParticipantEvent {

    @Override
    public LocalDate occurredOn() {
        return changedOn;
    }
}
