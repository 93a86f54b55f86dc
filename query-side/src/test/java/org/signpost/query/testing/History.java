package org.signpost.query.testing;

import java.util.UUID;
import org.signpost.events.ParticipantEvent;
import org.signpost.events.ReferralEvent;
import org.signpost.events.SignpostEvent;

/** One event as the command side would store it: its aggregate, sequence, and who recorded it. */
public record History(SignpostEvent event, String aggregateType, UUID aggregateId, long sequence, String actor,
                      String role) {

    public static History of(SignpostEvent event, long sequence, String actor, String role) {
        if (event instanceof ReferralEvent referral) {
            return new History(event, "Referral", referral.referralId(), sequence, actor, role);
        }
        return new History(event, "Participant", ((ParticipantEvent) event).participantId(), sequence, actor, role);
    }
}
