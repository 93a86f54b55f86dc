package org.signpost.query.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.signpost.events.ReferralSource;
import org.signpost.query.metrics.MetricFacts.Participant;
import org.signpost.query.metrics.MetricFacts.Session;

/**
 * The rate of referral to VCSE (referredToVcse / peopleSeen) for a period, optionally broken
 * down by referral source and by link worker, so that a source that rarely leads to VCSE or a
 * link worker who rarely signposts shows up, and by month, so that a trend does. Pure; counts with {@link PeopleSeen} like the
 * evaluation does, so the two never disagree.
 */
public final class ReferralRate {

    private ReferralRate() {
    }

    public static ReferralRateReport compute(MetricFacts facts, LocalDate from, LocalDate to, Set<GroupBy> groupBy,
                                             Instant asOf) {
        PeopleSeen seen = PeopleSeen.in(facts, new Period(from, to));
        ReferralRateFigures all = seen.figures();
        Map<String, Map<String, ReferralRateFigures>> groups = null;
        if (groupBy != null && !groupBy.isEmpty()) {
            groups = new LinkedHashMap<>();
            for (GroupBy group : EnumSet.copyOf(groupBy)) {
                groups.put(group.parameterName(), switch (group) {
                    case SOURCE -> bySource(facts, seen);
                    case LINK_WORKER -> byLinkWorker(seen);
                    case MONTH -> byMonth(facts, from, to);
                });
            }
            groups = Collections.unmodifiableMap(groups);
        }
        return new ReferralRateReport(from, to, asOf, all.peopleSeen(), all.referredToVcse(), all.referralRate(),
                all.referralRatePercent(), groups);
    }

    /** Every source, zeros included, in the order of the enum: a source that sends nobody is news too. */
    private static Map<String, ReferralRateFigures> bySource(MetricFacts facts, PeopleSeen seen) {
        Map<ReferralSource, ReferralRateFigures> counted = seen.figuresBy(participantId ->
                facts.participant(participantId).map(Participant::source).orElse(null));
        Map<String, ReferralRateFigures> figures = new LinkedHashMap<>();
        for (ReferralSource source : ReferralSource.values()) {
            figures.put(source.name(), counted.getOrDefault(source, ReferralRateFigures.of(0, 0)));
        }
        return Collections.unmodifiableMap(figures);
    }

    /**
     * Each calendar month of the period, keyed {@code YYYY-MM} in order, counted exactly as the
     * figures of a period of that month's days alone (the first and last month clipped to the
     * period): a person seen in two months counts in both, so the months do not add up to the
     * period. For charts of the rate over time in one call, instead of one call a month.
     */
    private static Map<String, ReferralRateFigures> byMonth(MetricFacts facts, LocalDate from, LocalDate to) {
        Map<String, ReferralRateFigures> figures = new LinkedHashMap<>();
        PeopleSeen.byMonth(facts, new Period(from, to)).forEach((month, seen) ->
                figures.put(month.toString(), seen.figures()));
        return Collections.unmodifiableMap(figures);
    }

    /**
     * A person counts for the link worker of their latest session in the period (latest by date,
     * then by the order recorded): the one who had them last is the one who could signpost them.
     * Only link workers with someone seen appear, sorted by id.
     */
    private static Map<String, ReferralRateFigures> byLinkWorker(PeopleSeen seen) {
        Map<UUID, String> linkWorkerOf = new HashMap<>();
        seen.sessionsByPerson().forEach((participantId, sessions) -> {
            Session latest = null;
            for (Session session : sessions) {
                if (latest == null || !session.heldOn().isBefore(latest.heldOn())) {
                    latest = session;
                }
            }
            // Every SessionHeld names the link worker assigned; a missing one cannot be grouped.
            if (latest.linkWorkerId() != null) {
                linkWorkerOf.put(participantId, latest.linkWorkerId());
            }
        });
        return Collections.unmodifiableMap(new TreeMap<>(seen.figuresBy(linkWorkerOf::get)));
    }
}
