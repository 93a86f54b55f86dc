package org.signpost.query.store;

import java.time.Instant;
import org.axonframework.messaging.MetaData;

/** One stored event: where it stands in the store and in its aggregate, and what it says. */
public record StoredEvent(long position, String eventIdentifier, String aggregateId, String aggregateType,
                          long sequence, Instant recordedAt, Object payload, MetaData metaData) {
}
