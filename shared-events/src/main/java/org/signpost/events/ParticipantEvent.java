package org.signpost.events;

import java.util.UUID;

/** An event in one young person's support episode. */
public sealed interface ParticipantEvent extends SignpostEvent
        permits ParticipantEnrolled, SessionHeld, SessionMissed, ContactMade, OutcomeMeasured,
        SignpostedToVcse, UptakeRecorded, LinkWorkerChanged, SupportExtended,
        SafeguardingConcernRaised, SafeguardingConcernClosed, ParticipantDischarged {

    UUID participantId();
}
