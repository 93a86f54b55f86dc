package org.signpost.events;

import java.time.LocalDate;
import java.util.UUID;

/** A text, call or email between sessions. */
public record ContactMade(UUID participantId, ContactChannel channel, ContactDirection direction, LocalDate contactedOn)
        implements ParticipantEvent {

    @Override
    public LocalDate occurredOn() {
        return contactedOn;
    }
}
