package org.signpost.platform.axon;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.OptionalLong;

/**
 * The store positions of the events this process read lately through its event store, by event
 * identifier, as the rows said them. A processor's tracking token does not give an event's own
 * position when the event filled a gap (see the query side's event positions); asking the store
 * for it again cost a query for every event of the audit trail and of the evaluation metrics.
 * Bounded: a position no longer here is asked of the store as before.
 */
public class RecentEventPositions {

    /** Well above the events a processor's batch and the event store's shared cache of the head hold. */
    private static final int KEPT = 50_000;

    private final Cache<String, Long> positions = Caffeine.newBuilder().maximumSize(KEPT).build();

    void remember(String eventIdentifier, long position) {
        positions.put(eventIdentifier, position);
    }

    public OptionalLong of(String eventIdentifier) {
        Long position = positions.getIfPresent(eventIdentifier);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }
}
