package org.signpost.query.metrics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The evaluation metrics, now from the live projection's facts, or as of a past instant from
 * the events recorded up to it. Both paths feed the same {@link MetricsFold} and the same
 * computations.
 */
@Component
public class MetricsQueries {

    private final LiveFacts liveFacts;
    private final AsOfFacts asOfFacts;
    private final Clock clock;

    public MetricsQueries(LiveFacts liveFacts, AsOfFacts asOfFacts, Clock clock) {
        this.liveFacts = liveFacts;
        this.asOfFacts = asOfFacts;
        this.clock = clock;
    }

    public Evaluation evaluation(LocalDate from, LocalDate to, Instant asOf) {
        return asOf == null
                ? liveFacts.answer(facts -> EvaluationMetrics.compute(facts, from, to, clock.instant()))
                : EvaluationMetrics.compute(asOfFacts.asOf(asOf), from, to, asOf);
    }

    public ReferralRateReport referralRate(LocalDate from, LocalDate to, Set<GroupBy> groupBy, Instant asOf) {
        return asOf == null
                ? liveFacts.answer(facts -> ReferralRate.compute(facts, from, to, groupBy, clock.instant()))
                : ReferralRate.compute(asOfFacts.asOf(asOf), from, to, groupBy, asOf);
    }
}
