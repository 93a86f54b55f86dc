package org.signpost.command.referral;

import java.util.UUID;

/**
 * Where a new participant's id comes from. Drawn at random when a referral is first assigned, so
 * nobody can know it before then and take it for a record of their own; the assignment event
 * carries it, and a retried assignment answers the one recorded.
 */
@FunctionalInterface
public interface ParticipantIds {

    UUID next();

    /** Random (version 4) UUIDs: the service's ids. */
    static ParticipantIds random() {
        return UUID::randomUUID;
    }
}
