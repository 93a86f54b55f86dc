package org.signpost.platform.integrity;

import java.time.Instant;

/**
 * What a full check of the event chain found.
 *
 * @param verifiedEvents the sealed events whose hash was recomputed
 * @param sealedUpTo     the position up to which every event is sealed
 * @param headHash       the hash of the last sealed event, to note down outside the database:
 *                       a chain recomputed by someone who rewrote history ends in another hash
 * @param firstFailure   the first position where the stored history and its seals disagree
 */
public record ChainReport(Status status, long verifiedEvents, long sealedUpTo, String headHash,
                          Failure firstFailure, Instant checkedAt) {

    public enum Status { INTACT, BROKEN }

    public record Failure(long position, String reason) {
    }

    public boolean intact() {
        return status == Status.INTACT;
    }
}
