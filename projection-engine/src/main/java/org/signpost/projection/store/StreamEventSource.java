package org.signpost.projection.store;

import java.util.Collections;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.LazyDeserializingObject;

/**
 * The event store read through Axon's event stream, from the first event up to the head as it
 * stood when the scan began: how the query side reads Axon Server, where there is no table to
 * query. (It works on the PostgreSQL store too, which is how it is tested here.) Payloads are
 * deserialized only for the events selected.
 */
public final class StreamEventSource implements EventSource {

    /** How long the stream may stay silent before the head it must reach: a store that stopped answering. */
    private static final long SILENCE_SECONDS = 60;

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final boolean globalSequence;

    /**
     * @param globalSequence whether the store numbers its events without gaps and takes only
     *                       {@link GlobalSequenceTrackingToken}s (Axon Server), or takes gap-aware
     *                       tokens (Axon's stream over the PostgreSQL table)
     */
    public StreamEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, boolean globalSequence) {
        this.store = store;
        this.globalSequence = globalSequence;
    }

    @Override
    public long scan(Selection selection, Consumer<StoredEvent> consumer) throws Exception {
        TrackingToken headToken = store.createHeadToken();
        OptionalLong head = headToken == null ? OptionalLong.empty() : headToken.position();
        long last = head.orElse(-1);
        if (selection.after() != null) {
            last = Math.min(last, selection.upTo());
        }
        TrackingToken start = start(selection);
        if (last < 0 || (start != null && last <= start.position().orElse(-1))) {
            // Nothing up to the last position wanted is after where the stream would start.
            return 0;
        }
        long count = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(start)) {
            while (true) {
                if (!stream.hasNextAvailable((int) SILENCE_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The event store sent nothing for " + SILENCE_SECONDS
                            + " s before reaching position " + last);
                }
                TrackedEventMessage<?> message = stream.nextAvailable();
                long position = message.trackingToken().position().orElse(-1);
                if (position > last) {
                    break;
                }
                if (selection.selects(position, message.getTimestamp(), message.getPayloadType())) {
                    consumer.accept(stored(position, message, selection.withMetaData()));
                    count++;
                }
                if (position == last) {
                    break;
                }
            }
        }
        return count;
    }

    /** Where the stream starts: from the first event, or just before the lowest position asked for. */
    private TrackingToken start(Selection selection) {
        if (selection.after() == null) {
            return null;
        }
        long lowest = selection.after();
        for (long position : selection.also()) {
            lowest = Math.min(lowest, position - 1);
        }
        if (lowest < 0) {
            return null;
        }
        return token(lowest, Collections.emptySortedSet());
    }

    private static StoredEvent stored(long position, TrackedEventMessage<?> message, boolean withMetaData) {
        String aggregateId = null;
        String aggregateType = null;
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            aggregateType = domain.getType();
            sequence = domain.getSequenceNumber();
        }
        return new StoredEvent(position, message.getIdentifier(), aggregateId, aggregateType, sequence,
                message.getTimestamp(), new LazyDeserializingObject<>(message.getPayload()), withMetaData ? message.getMetaData() : null);
    }

    @Override
    public long head() {
        TrackingToken head = store.createHeadToken();
        return head == null ? 0 : Math.max(0, head.position().orElse(0));
    }

    @Override
    public TrackingToken token(long index, SortedSet<Long> gaps) {
        if (globalSequence) {
            if (!gaps.isEmpty()) {
                throw new IllegalStateException("Gaps " + gaps + " in a store that numbers its events without gaps");
            }
            return new GlobalSequenceTrackingToken(index);
        }
        return GapAwareTrackingToken.newInstance(index, gaps);
    }
}
