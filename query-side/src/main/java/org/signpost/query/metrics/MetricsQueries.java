package org.signpost.query.metrics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.signpost.projection.store.EventSource;
import org.signpost.projection.store.Selection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The evaluation metrics, now from the live projection's facts, or as of a past instant from
 * the events recorded up to it. Both paths feed the same {@link MetricsFold} and the same
 * computations.
 */
@Component
public class MetricsQueries {

    private final LiveFacts liveFacts;
    private final EventSource events;
    private final Clock clock;

    public MetricsQueries(LiveFacts liveFacts, @Qualifier("metricsEventSource") EventSource events, Clock clock) {
        this.liveFacts = liveFacts;
        this.events = events;
        this.clock = clock;
    }

    public Evaluation evaluation(LocalDate from, LocalDate to, Instant asOf) {
        return asOf == null
                ? EvaluationMetrics.compute(liveFacts.current(), from, to, clock.instant())
                : EvaluationMetrics.compute(factsAsOf(asOf), from, to, asOf);
    }

    public ReferralRateReport referralRate(LocalDate from, LocalDate to, Set<GroupBy> groupBy, Instant asOf) {
        return asOf == null
                ? ReferralRate.compute(liveFacts.current(), from, to, groupBy, clock.instant())
                : ReferralRate.compute(factsAsOf(asOf), from, to, groupBy, asOf);
    }

    /** The facts of every event recorded up to {@code asOf}, folded afresh from the event store. */
    public MetricFacts factsAsOf(Instant asOf) {
        MetricFacts facts = new MetricFacts();
        try {
            events.scan(Selection.recordedUpTo(asOf, MetricsFold.EVENTS_WITH_FACTS),
                    event -> MetricsFold.apply(event.payload(), event.sequence(), facts));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("Could not read the event store", e);
        }
        return facts;
    }
}
