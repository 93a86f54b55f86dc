package org.signpost.projection.store;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;

/**
 * One stored event: where it stands in the store and in its aggregate, and what it says. The
 * payload is kept in both forms, as stored and deserialized: a consumer that needs the stored
 * form (a read model that keeps each payload as the store has it) takes it as it is, with no
 * second serialization and no second encryption of its personal values.
 */
public record StoredEvent(long position, String eventIdentifier, String aggregateId, String aggregateType,
                          long sequence, Instant recordedAt, LazyDeserializingObject<?> storedPayload,
                          MetaData metaData) {

    /** The event itself. */
    public Object payload() {
        return storedPayload.getObject();
    }

    /** The event as Axon's processors hand it to the handlers, tracked at its own position. */
    public EventMessage<?> message() {
        MetaData known = metaData == null ? MetaData.emptyInstance() : metaData;
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), aggregateType,
                aggregateId, sequence, new SerializedMessage<>(eventIdentifier, storedPayload,
                        new LazyDeserializingObject<>(known)), this::recordedAt);
    }

    /** The same event, read however: equal positions, ids, aggregates, times, payloads and metadata. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StoredEvent event && position == event.position && sequence == event.sequence
                && Objects.equals(eventIdentifier, event.eventIdentifier)
                && Objects.equals(aggregateId, event.aggregateId) && Objects.equals(aggregateType, event.aggregateType)
                && Objects.equals(recordedAt, event.recordedAt) && Objects.equals(payload(), event.payload())
                && Objects.equals(metaData, event.metaData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, eventIdentifier);
    }
}
