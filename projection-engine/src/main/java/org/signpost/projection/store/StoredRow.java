package org.signpost.projection.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * A row of the event table as {@link EventStoreScan} reads it, before deserialization; also the
 * stored event as Axon's upcasters take it.
 */
record StoredRow(long position, String eventIdentifier, String aggregateId, String aggregateType, long sequence,
                 String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData)
        implements TrackedEventData<byte[]>, DomainEventData<byte[]> {

    private static final byte[] NO_META_DATA = "{}".getBytes(StandardCharsets.UTF_8);

    @Override
    public TrackingToken trackingToken() {
        return new GlobalSequenceTrackingToken(position);
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return StoredInstant.parse(timestamp);
    }

    /** Empty where the scan did not read it (and gives none). */
    @Override
    public SerializedObject<byte[]> getMetaData() {
        return new SerializedMetaData<>(metaData == null ? NO_META_DATA : metaData, byte[].class);
    }

    @Override
    public SerializedObject<byte[]> getPayload() {
        return new SimpleSerializedObject<>(payload, byte[].class,
                new SimpleSerializedType(payloadType, payloadRevision));
    }

    @Override
    public String getType() {
        return aggregateType;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateId;
    }

    @Override
    public long getSequenceNumber() {
        return sequence;
    }
}
