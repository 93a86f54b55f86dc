package org.signpost.events;

import java.time.LocalDate;
import java.util.UUID;

/** Whether the participant attended the activity of one signpost. */
public record UptakeRecorded(UUID participantId, UUID signpostId, boolean attended, LocalDate recordedOn)
        implements ParticipantEvent {

    @Override
    public LocalDate occurredOn() {
        return recordedOn;
    }
}
