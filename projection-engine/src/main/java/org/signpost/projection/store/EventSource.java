package org.signpost.projection.store;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.function.Consumer;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The event store as the query side reads it outside its processors: for replays, which read
 * it once for every read model they rebuild, and for "as of" figures. Two ways, one contract:
 * straight from PostgreSQL's table ({@link JdbcEventSource}), or through Axon's event stream
 * ({@link StreamEventSource}), which is how the query side reads Axon Server.
 */
public interface EventSource {

    /**
     * Every selected event, in order of position, with one exception: Axon's stream over the
     * PostgreSQL table hands on an event whose transaction committed late after events of later
     * positions (never out of order within one aggregate), and near positions left
     * empty for good it may pass over some events: a replay finds those among the positions it
     * did not see and catches up on them; on PostgreSQL, "as of" reads the table. (Axon Server
     * leaves no empty positions.) Answers how many were read.
     */
    long scan(Selection selection, Consumer<StoredEvent> consumer) throws Exception;

    /**
     * Like {@link #scan}, and answers how many events of every type the selection's instant
     * admits, counted in the same reading (so in the same state of the store), where this source
     * can count them; empty where it cannot.
     */
    default OptionalLong scanCountingRecorded(Selection selection, Consumer<StoredEvent> consumer) throws Exception {
        scan(selection, consumer);
        return OptionalLong.empty();
    }

    /**
     * How many events were recorded up to {@code asOf}, where this source can count them without
     * reading them; empty where it cannot. The store only ever grows, so an equal count is the
     * same events.
     */
    default OptionalLong countRecordedUpTo(Instant asOf) throws Exception {
        return OptionalLong.empty();
    }

    /**
     * Whether every event recorded up to {@code asOf} (to the millisecond) and stored now is at a
     * position each of {@code tokens} has seen: then a projection whose segments stand at these
     * tokens has taken every such event. False where this source cannot tell, and for a token
     * that is not a position with gaps (none yet, a reset's).
     */
    default boolean seenByAll(Instant asOf, List<TrackingToken> tokens) throws Exception {
        return false;
    }

    /** The position of the last event stored now (0 for none). */
    long head();

    /** A processor's token that has seen every position up to {@code index} except the gaps, in this store's kind. */
    TrackingToken token(long index, SortedSet<Long> gaps);
}
