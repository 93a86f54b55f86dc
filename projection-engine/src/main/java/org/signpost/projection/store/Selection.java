package org.signpost.projection.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Which events a scan of the store reads, in order of position.
 *
 * @param recordedUpTo only events recorded up to this instant (to the millisecond), or null
 * @param after        with {@code upTo} and {@code also}: events after this position up to
 *                     {@code upTo}, and those at the positions {@code also}; null for all
 * @param onlyTypes    only events of these payload types, or null for all
 * @param withMetaData whether the events' metadata is read too
 */
public record Selection(Instant recordedUpTo, Long after, Long upTo, long[] also, Set<Class<?>> onlyTypes,
                        boolean withMetaData) {

    /** Events of the given types (all, for null) recorded up to {@code asOf}, to the millisecond. */
    public static Selection recordedUpTo(Instant asOf, Set<Class<?>> onlyTypes) {
        return new Selection(asOf, null, null, null, onlyTypes, false);
    }

    /** Every event, with its metadata: what a replay reads. */
    public static Selection everything() {
        return new Selection(null, null, null, null, null, true);
    }

    /** Every event with its metadata after {@code after} up to {@code upTo}, and at the given positions. */
    public static Selection positions(long after, long upTo, long[] also) {
        return new Selection(null, after, upTo, also, null, true);
    }

    /** Whether an event at this position, recorded then, of this type, is selected. */
    public boolean selects(long position, Instant recordedAt, Class<?> type) {
        if (onlyTypes != null && !onlyTypes.contains(type)) {
            return false;
        }
        if (recordedUpTo != null && recordedAt.truncatedTo(ChronoUnit.MILLIS)
                .isAfter(recordedUpTo.truncatedTo(ChronoUnit.MILLIS))) {
            return false;
        }
        if (after == null) {
            return true;
        }
        if (position > after && position <= upTo) {
            return true;
        }
        for (long one : also) {
            if (one == position) {
                return true;
            }
        }
        return false;
    }
}
