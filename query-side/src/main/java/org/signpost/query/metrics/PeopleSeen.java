package org.signpost.query.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
}
