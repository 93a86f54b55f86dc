package org.signpost.platform.integrity;

import java.time.Instant;

/**
 * What a full check of one chain found.
 *
 * @param chain        which chain ({@link Chain#EVENTS}, {@link Chain#READ_LOG})
 * @param verified     the sealed rows whose hash was recomputed
 * @param sealedUpTo   the position up to which every row is sealed
 * @param headHash     the hash of the last sealed row (logged with every check, kept in the head anchor)
 * @param anchoredUpTo the highest sealed position seen before, from the head anchor (0: none yet)
 * @param firstFailure the first position where the stored rows and their seals disagree
 */
public record ChainReport(String chain, Status status, long verified, long sealedUpTo, String headHash,
                          long anchoredUpTo, Failure firstFailure, Instant checkedAt) {

    public enum Status { INTACT, BROKEN }

    /** @param position 0 when the failure is not at a row (an unreadable head anchor) */
    public record Failure(long position, String reason) {
    }

    public boolean intact() {
        return status == Status.INTACT;
    }
}
