package org.signpost.query.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.TriageOutcome;
import org.signpost.query.metrics.Evaluation.AgeAtReferral;
import org.signpost.query.metrics.Evaluation.CountAndShare;
import org.signpost.query.metrics.Evaluation.InappropriateReferrals;
import org.signpost.query.metrics.Evaluation.ReasonsForReferral;
import org.signpost.query.metrics.Evaluation.ReferralsReceived;
import org.signpost.query.metrics.Evaluation.TriageOutcomes;
import org.signpost.query.metrics.MetricFacts.Referral;
import org.signpost.query.metrics.MetricFacts.Triage;

/** The metrics of referrals: received, their reasons, their triage, the age of the young people. */
final class ReferralMetrics {

    private ReferralMetrics() {
    }

    static ReferralsReceived received(MetricFacts facts, Period period) {
        List<Referral> received = receivedIn(facts, period);
        return new ReferralsReceived(received.size(),
                countAndShare(ReferralSource.class, received.stream().map(Referral::source).toList()),
                countAndShare(ReferralChannel.class, received.stream().map(Referral::channel).toList()));
    }

    /** Every reason of every referral counts once, so the shares are of reasons, not of referrals. */
    static ReasonsForReferral reasons(MetricFacts facts, Period period) {
        List<ReferralReason> reasons = receivedIn(facts, period).stream()
                .flatMap(referral -> referral.reasons().stream())
                .toList();
        return new ReasonsForReferral(reasons.size(), countAndShare(ReferralReason.class, reasons));
    }

    /**
     * By the date triaged, not received: a referral received before the period and triaged in it
     * is part of the period's triage work. Its source comes from its ReferralReceived, whenever
     * that was; the inappropriate ones are the DECLINED that failed an inclusion criterion (a
     * redirection is a referral sent on, not an inappropriate one).
     */
    static TriageOutcomes triage(MetricFacts facts, Period period) {
        List<Triage> triaged = facts.triages().stream().filter(t -> period.contains(t.triagedOn())).toList();
        Map<TriageOutcome, Integer> byOutcome = new EnumMap<>(TriageOutcome.class);
        for (TriageOutcome outcome : TriageOutcome.values()) {
            byOutcome.put(outcome, (int) triaged.stream().filter(t -> t.outcome() == outcome).count());
        }
        // Each triage's source looked up once, not once for every source.
        Map<ReferralSource, List<Triage>> triagedBySource = new EnumMap<>(ReferralSource.class);
        for (Triage triage : triaged) {
            facts.referral(triage.referralId()).map(Referral::source).ifPresent(source ->
                    triagedBySource.computeIfAbsent(source, s -> new ArrayList<>()).add(triage));
        }
        Map<ReferralSource, InappropriateReferrals> bySource = new EnumMap<>(ReferralSource.class);
        for (ReferralSource source : ReferralSource.values()) {
            List<Triage> ofSource = triagedBySource.getOrDefault(source, List.of());
            int inappropriate = (int) ofSource.stream()
                    .filter(t -> t.outcome() == TriageOutcome.DECLINED && !t.failedCriteria().isEmpty())
                    .count();
            bySource.put(source, new InappropriateReferrals(inappropriate, ofSource.size(),
                    Decimals.rate(inappropriate, ofSource.size())));
        }
        return new TriageOutcomes(triaged.size(), Collections.unmodifiableMap(byOutcome),
                Collections.unmodifiableMap(bySource));
    }

    static AgeAtReferral ageAtReferral(MetricFacts facts, Period period) {
        List<Integer> ages = receivedIn(facts, period).stream().map(Referral::ageOnReceipt).toList();
        long sum = ages.stream().mapToLong(Integer::longValue).sum();
        return new AgeAtReferral(Decimals.mean(BigDecimal.valueOf(sum), ages.size(), 1),
                ages.stream().min(Integer::compare).orElse(null),
                ages.stream().max(Integer::compare).orElse(null));
    }

    private static List<Referral> receivedIn(MetricFacts facts, Period period) {
        return facts.referrals().stream().filter(r -> period.contains(r.receivedOn())).toList();
    }

    private static <E extends Enum<E>> Map<E, CountAndShare> countAndShare(Class<E> type, List<E> values) {
        Map<E, CountAndShare> counted = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            int count = Collections.frequency(values, value);
            counted.put(value, new CountAndShare(count, Decimals.rate(count, values.size())));
        }
        return Collections.unmodifiableMap(counted);
    }
}
