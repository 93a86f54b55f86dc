package org.signpost.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A session with the young person took place. {@code linkWorkerId} is the link worker assigned
 * when it was recorded (continuity); {@code beyondEntitlement} is true when it fell after the
 * 12-week entitlement (plus extensions) had run out.
 */
public record SessionHeld(
        UUID participantId,
        UUID sessionId,
        LocalDate heldOn,
        int durationMinutes,
        SessionLocation location,
        AccompaniedBy accompaniedBy,
        Integer walkMinutesFromHome,
        List<Technique> techniques,
        String linkWorkerId,
        boolean beyondEntitlement,
        PersonalData<String> notes) implements ParticipantEvent {

    public SessionHeld {
        techniques = List.copyOf(techniques);
    }

    @Override
    public LocalDate occurredOn() {
        return heldOn;
    }
}
