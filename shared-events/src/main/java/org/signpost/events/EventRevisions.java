package org.signpost.events;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * How events stored in an earlier form are read in their current one. An event changed in a way
 * its older stored form cannot be read as (a field renamed, a type renamed, a meaning split) gets
 * a {@code @Revision} and an upcaster here, from the stored form to the current one; the stored
 * events themselves never change.
 *
 * <p>Every reader of the store applies this list, in this order: Axon's event store (aggregates
 * and live processors), and the scans of the table that feed replays, "as of" figures and the
 * analysts' command line. Empty while no event has been revised.
 */
public final class EventRevisions {

    private EventRevisions() {
    }

    public static List<EventUpcaster> upcasters() {
        return List.of();
    }
}
