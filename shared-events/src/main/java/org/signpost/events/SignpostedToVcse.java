package org.signpost.events;

import java.time.LocalDate;
import java.util.UUID;

/** The participant was connected to an activity of a voluntary, community or social enterprise. */
public record SignpostedToVcse(
        UUID participantId,
        UUID signpostId,
        String organisation,
        String activity,
        VcseCategory category,
        LocalDate signpostedOn,
        boolean fundedAccess,
        TransportSupport transportSupport) implements ParticipantEvent {

    @Override
    public LocalDate occurredOn() {
        return signpostedOn;
    }
}
