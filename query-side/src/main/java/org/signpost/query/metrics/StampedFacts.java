package org.signpost.query.metrics;

import java.lang.ref.SoftReference;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.TrackingToken;
import org.signpost.projection.store.EventSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The facts as of a past instant taken from the live projection's, held in memory by
 * {@link LiveFacts}, where they are exactly those a fold of the store up to the instant makes:
 * each fact keeps when the event that made it was recorded, and the facts recorded up to the
 * instant are the fold's when the projection has taken every event recorded up to it.
 *
 * <p>Why that holds: a fact is made by one event and never changed (a referral's row holds two,
 * its receipt and its triage, each with its own instant); every fact is kept once under its id,
 * by the fold as by the projection; and the facts are held in the order of their events'
 * positions where the figures depend on it (sessions, uptakes, a participant's measures), as the
 * fold's are. So what could be missing is only what the projection has not taken. In the snapshot
 * the held facts were read in, no dead letter waited (a dead-lettered event moved the tokens
 * without making its facts) and the tokens said which positions every segment had seen; after
 * that snapshot, the store holds no event recorded up to the instant at a position a token had
 * not seen. An event committed after the snapshot would have been found so, had it been recorded
 * up to the instant; so the answer is the fold of the store as that snapshot saw it. Otherwise
 * (a projection behind or stopped, a dead letter, facts written before they kept their instant,
 * Axon Server's store) nothing is answered here, and "as of" folds the store.
 */
@Component
public class StampedFacts {

    /** The facts of one instant, taken from the live facts while they stood so. */
    private record Taken(Instant asOf, String state, SoftReference<MetricFacts> facts) {
    }

    private final LiveFacts live;
    private final EventSource events;
    /**
     * The last instant's facts: a page as of an instant asks twice (the figures, then the months
     * of the chart), and while the live facts are the same, so are those recorded up to it.
     */
    private final AtomicReference<Taken> last = new AtomicReference<>();

    public StampedFacts(LiveFacts live, @Qualifier("metricsEventSource") EventSource events) {
        this.live = live;
        this.events = events;
    }

    /** The facts of every event recorded up to {@code asOf}, if the live projection's hold exactly them. */
    public Optional<MetricFacts> asOf(Instant asOf) {
        return live.answerWithStanding((facts, standing) -> {
            // Asked every time: an event recorded up to the instant may have been stored since,
            // and not taken by a stopped processor.
            if (standing.deadLetters() || standing.tokens().contains(null) || !seenByAll(asOf, standing.tokens())) {
                return Optional.empty();
            }
            Taken taken = last.get();
            MetricFacts kept = taken != null && taken.asOf().equals(asOf) && taken.state().equals(standing.state())
                    ? taken.facts().get() : null;
            if (kept != null) {
                return Optional.of(kept);
            }
            Optional<MetricFacts> upTo = facts.recordedUpTo(asOf);
            upTo.ifPresent(taking -> last.set(new Taken(asOf, standing.state(), new SoftReference<>(taking))));
            return upTo;
        });
    }

    /** Asked of the store after the snapshot the facts were read in (on a connection of its own). */
    private boolean seenByAll(Instant asOf, List<TrackingToken> tokens) {
        try {
            return events.seenByAll(asOf, tokens);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DataAccessResourceFailureException("Could not read the event store", e);
        }
    }
}
