package org.signpost.events;

import java.time.LocalDate;
import java.util.UUID;

/** The support episode ended; afterwards only its history can be read. */
public record ParticipantDischarged(UUID participantId, DischargeReason reason, LocalDate dischargedOn)
        implements ParticipantEvent {

    @Override
    public LocalDate occurredOn() {
        return dischargedOn;
    }
}
