package org.signpost.query.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private final LiveFacts live;
    private final EventSource events;

    public StampedFacts(LiveFacts live, @Qualifier("metricsEventSource") EventSource events) {
        this.live = live;
        this.events = events;
    }

    /** The facts of every event recorded up to {@code asOf}, if the live projection's hold exactly them. */
    public Optional<MetricFacts> asOf(Instant asOf) {
        return live.answerWithStanding((facts, standing) -> standing.deadLetters() || standing.tokens().contains(null)
                || !seenByAll(asOf, standing.tokens()) ? Optional.empty() : facts.recordedUpTo(asOf));
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
