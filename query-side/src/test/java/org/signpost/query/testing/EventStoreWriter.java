package org.signpost.query.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/** Appends events to the real event store exactly as the command side would. */
public final class EventStoreWriter {

    private final EventStore eventStore;

    public EventStoreWriter(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public void append(List<History> histories) {
        List<DomainEventMessage<?>> messages = histories.stream().<DomainEventMessage<?>>map(h ->
                new GenericDomainEventMessage<>(h.aggregateType(), h.aggregateId().toString(), h.sequence(), h.event(),
                        MetaData.from(Map.of("actor", h.actor(), "role", h.role(),
                                "correlationId", UUID.randomUUID().toString())))).toList();
        for (int from = 0; from < messages.size(); from += 500) {
            eventStore.publish(messages.subList(from, Math.min(messages.size(), from + 500)));
        }
    }
}
