package org.signpost.query.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every evaluation metric of PRODUCT.md for the period [from, to], from facts already limited to
 * the events recorded up to {@code asOf} (the caller folds only those; {@code asOf} is repeated
 * in the answer so that a published figure says what it was computed from). Pure.
 */
public final class EvaluationMetrics {

    private EvaluationMetrics() {
    }

    public static Evaluation compute(MetricFacts facts, LocalDate from, LocalDate to, Instant asOf) {
        Period period = new Period(from, to);
        PeopleSeen seen = PeopleSeen.in(facts, period);
        ReferralRateFigures rate = seen.figures();
        List<Integer> waits = SessionMetrics.waitsForFirstSession(facts, period);
        // Each of these is read by several figures: found once.
        List<MetricFacts.Session> held = SessionMetrics.heldIn(facts, period);
        List<MetricFacts.Session> walked = SessionMetrics.walked(held);
        long continuous = SessionMetrics.continuous(seen);
        return new Evaluation(from, to, asOf,
                ReferralMetrics.received(facts, period),
                ReferralMetrics.reasons(facts, period),
                ReferralMetrics.triage(facts, period),
                rate.peopleSeen(),
                rate.referredToVcse(),
                rate.referralRate(),
                rate.referralRatePercent(),
                VcseUptakeMetrics.in(facts, period),
                SessionMetrics.sessionsPerPerson(seen),
                SessionMetrics.sessionMinutes(held),
                SessionMetrics.daysToFirstSession(waits),
                SessionMetrics.continuity(continuous, seen),
                SessionMetrics.walkingDistance(walked),
                ReferralMetrics.ageAtReferral(facts, period),
                OutcomeChangeMetrics.in(facts, period),
                SessionMetrics.peopleBehind(waits, continuous, walked));
    }
}
