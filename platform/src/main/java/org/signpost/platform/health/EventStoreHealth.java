package org.signpost.platform.health;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the event store answers: the head of the stream, asked of whichever store is
 * configured (the PostgreSQL table, or Axon Server through its connector).
 */
// Named so that it shows as "eventStore" in health without taking the name of Axon's event store bean.
@Component("eventStoreHealthIndicator")
class EventStoreHealth implements HealthIndicator {

    private final EventStore eventStore;

    EventStoreHealth(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Health health() {
        try {
            TrackingToken head = eventStore.createHeadToken();
            return Health.up().withDetail("head", head == null ? 0 : head.position().orElse(0)).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
