package org.signpost.query.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.signpost.events.ParticipantEvent;
import org.signpost.events.ReferralEvent;
import org.signpost.events.SignpostEvent;

/**
 * Events in the order they were recorded, each with its sequence number in its aggregate, as
 * the event store would hand them to a projection; folded through {@link MetricsFold}.
 */
final class History {

    record Recorded(SignpostEvent payload, long sequence) {
    }

    private final List<Recorded> events = new ArrayList<>();
    private final Map<UUID, Long> nextSequence = new HashMap<>();

    History record(SignpostEvent... recorded) {
        for (SignpostEvent event : recorded) {
            UUID aggregate = event instanceof ReferralEvent r
                    ? r.referralId() : ((ParticipantEvent) event).participantId();
            long sequence = nextSequence.merge(aggregate, 1L, Long::sum) - 1;
            events.add(new Recorded(event, sequence));
        }
        return this;
    }

    List<Recorded> events() {
        return Collections.unmodifiableList(events);
    }

    /** A copy to append to: the events so far, with the same sequence numbers. */
    History copy() {
        History copy = new History();
        copy.events.addAll(events);
        copy.nextSequence.putAll(nextSequence);
        return copy;
    }

    MetricFacts facts() {
        return foldInto(new MetricFacts());
    }

    MetricFacts foldInto(MetricFacts facts) {
        for (Recorded recorded : events) {
            MetricsFold.apply(recorded.payload(), recorded.sequence(), facts);
        }
        return facts;
    }
}
