package org.signpost.query.metrics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.signpost.query.metrics.MetricFacts.Session;
import org.signpost.query.metrics.MetricFacts.Signpost;

/**
 * The people seen in a period and which of them were referred to VCSE: the one counting behind
 * both the evaluation and the referral-rate report, so their figures always agree.
 *
 * <p>Seen: at least one session held in the period. Referred to VCSE: seen, and at least one
 * SignpostedToVcse dated in the period (PRODUCT.md).
 */
final class PeopleSeen {

    /** Per person seen, their sessions held in the period, in the order they were recorded. */
    private final Map<UUID, List<Session>> sessionsInPeriod;
    private final Set<UUID> signpostedInPeriod;

    private PeopleSeen(Map<UUID, List<Session>> sessionsInPeriod, Set<UUID> signpostedInPeriod) {
        this.sessionsInPeriod = sessionsInPeriod;
        this.signpostedInPeriod = signpostedInPeriod;
    }

    static PeopleSeen in(MetricFacts facts, Period period) {
        Map<UUID, List<Session>> sessions = new LinkedHashMap<>();
        for (Session session : facts.sessions()) {
            if (period.contains(session.heldOn())) {
                sessions.computeIfAbsent(session.participantId(), id -> new ArrayList<>()).add(session);
            }
        }
        Set<UUID> signposted = new HashSet<>();
        for (Signpost signpost : facts.signposts()) {
            if (period.contains(signpost.signpostedOn())) {
                signposted.add(signpost.participantId());
            }
        }
        return new PeopleSeen(sessions, signposted);
    }

    /**
     * The people seen in each calendar month of the period (the first and last month clipped to
     * it), exactly as {@link #in} would find them for each month alone, in one pass over the
     * facts rather than one a month.
     */
    static Map<YearMonth, PeopleSeen> byMonth(MetricFacts facts, Period period) {
        Map<YearMonth, PeopleSeen> months = new LinkedHashMap<>();
        for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to()));
             month = month.plusMonths(1)) {
            months.put(month, new PeopleSeen(new LinkedHashMap<>(), new HashSet<>()));
        }
        for (Session session : facts.sessions()) {
            if (period.contains(session.heldOn())) {
                months.get(YearMonth.from(session.heldOn())).sessionsInPeriod
                        .computeIfAbsent(session.participantId(), id -> new ArrayList<>()).add(session);
            }
        }
        for (Signpost signpost : facts.signposts()) {
            if (period.contains(signpost.signpostedOn())) {
                months.get(YearMonth.from(signpost.signpostedOn())).signpostedInPeriod.add(signpost.participantId());
            }
        }
        return months;
    }

    Set<UUID> people() {
        return Collections.unmodifiableSet(sessionsInPeriod.keySet());
    }

    Map<UUID, List<Session>> sessionsByPerson() {
        return Collections.unmodifiableMap(sessionsInPeriod);
    }

    boolean referredToVcse(UUID participantId) {
        return sessionsInPeriod.containsKey(participantId) && signpostedInPeriod.contains(participantId);
    }

    ReferralRateFigures figures() {
        return figures(participantId -> true);
    }

    ReferralRateFigures figures(Predicate<UUID> among) {
        int seen = 0;
        int referred = 0;
        for (UUID participantId : sessionsInPeriod.keySet()) {
            if (among.test(participantId)) {
                seen++;
                if (referredToVcse(participantId)) {
                    referred++;
                }
            }
        }
        return ReferralRateFigures.of(seen, referred);
    }

    /**
     * The figures of each group of the people seen, a person in the group {@code groupOf} gives
     * (none where it gives null), in one pass over them rather than one a group; only groups
     * with someone seen appear.
     */
    <K> Map<K, ReferralRateFigures> figuresBy(Function<UUID, K> groupOf) {
        Map<K, int[]> counts = new HashMap<>();
        for (UUID participantId : sessionsInPeriod.keySet()) {
            K group = groupOf.apply(participantId);
            if (group != null) {
                int[] count = counts.computeIfAbsent(group, g -> new int[2]);
                count[0]++;
                if (referredToVcse(participantId)) {
                    count[1]++;
                }
            }
        }
        Map<K, ReferralRateFigures> figures = new HashMap<>();
        counts.forEach((group, count) -> figures.put(group, ReferralRateFigures.of(count[0], count[1])));
        return figures;
    }
}
