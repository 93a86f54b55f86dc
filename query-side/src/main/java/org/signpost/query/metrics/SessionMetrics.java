package org.signpost.query.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.signpost.query.metrics.Evaluation.Continuity;
import org.signpost.query.metrics.Evaluation.DaysToFirstSession;
import org.signpost.query.metrics.Evaluation.PeopleBehind;
import org.signpost.query.metrics.Evaluation.SessionMinutes;
import org.signpost.query.metrics.Evaluation.SessionsPerPerson;
import org.signpost.query.metrics.Evaluation.WalkingDistance;
import org.signpost.query.metrics.MetricFacts.Participant;
import org.signpost.query.metrics.MetricFacts.Session;

/** The metrics of sessions: how many, how long, how soon, with whom, how far from home. */
final class SessionMetrics {

    /** People with this many sessions or more share the last bucket of the distribution. */
    private static final int MANY = 5;
    private static final int WALK_LIMIT_MINUTES = 30;

    private SessionMetrics() {
    }

    static SessionsPerPerson sessionsPerPerson(PeopleSeen seen) {
        List<Integer> counts = seen.sessionsByPerson().values().stream().map(List::size).toList();
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (int sessions = 1; sessions <= MANY; sessions++) {
            int bucket = sessions;
            distribution.put(sessions < MANY ? String.valueOf(sessions) : MANY + "+",
                    (int) counts.stream().filter(n -> Math.min(n, MANY) == bucket).count());
        }
        return new SessionsPerPerson(
                Decimals.mean(counts.stream().mapToLong(Integer::longValue).sum(), counts.size()),
                Decimals.median(counts),
                counts.stream().max(Integer::compare).orElse(0),
                Collections.unmodifiableMap(distribution));
    }

    static SessionMinutes sessionMinutes(List<Session> held) {
        return new SessionMinutes(
                Decimals.mean(held.stream().mapToLong(Session::durationMinutes).sum(), held.size()));
    }

    /**
     * Only people whose very first session falls in the period: a person who started before it
     * waited in an earlier period, and counting them again would blur the figure.
     */
    static DaysToFirstSession daysToFirstSession(List<Integer> waits) {
        return new DaysToFirstSession(Decimals.median(waits));
    }

    /** Per person whose first session ever is in the period, the days from their referral's receipt to it. */
    static List<Integer> waitsForFirstSession(MetricFacts facts, Period period) {
        Map<UUID, LocalDate> firstEver = new LinkedHashMap<>();
        for (Session session : facts.sessions()) {
            firstEver.merge(session.participantId(), session.heldOn(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<Integer> days = new ArrayList<>();
        firstEver.forEach((participantId, first) -> {
            if (period.contains(first)) {
                facts.participant(participantId).map(Participant::referralReceivedOn).ifPresent(
                        receivedOn -> days.add((int) ChronoUnit.DAYS.between(receivedOn, first)));
            }
        });
        return days;
    }

    static Continuity continuity(long continuous, PeopleSeen seen) {
        return new Continuity(Decimals.rate(continuous, seen.people().size()));
    }

    /**
     * The people seen whose sessions in the period were all with one link worker: each session
     * carries the link worker assigned when it was recorded (none recorded counts as one name).
     */
    static long continuous(PeopleSeen seen) {
        long continuous = 0;
        for (List<Session> sessions : seen.sessionsByPerson().values()) {
            String first = sessions.get(0).linkWorkerId();
            boolean one = true;
            for (int i = 1; i < sessions.size() && one; i++) {
                one = Objects.equals(first, sessions.get(i).linkWorkerId());
            }
            if (one) {
                continuous++;
            }
        }
        return continuous;
    }

    static WalkingDistance walkingDistance(List<Session> walked) {
        int over = (int) walked.stream().filter(SessionMetrics::over30).count();
        return new WalkingDistance(walked.size(), over, Decimals.rate(over, walked.size()));
    }

    /** The sessions held in the period with a walking time: those without one (online, by phone, not asked) say nothing about distance. */
    static List<Session> walked(List<Session> held) {
        List<Session> walked = new ArrayList<>();
        for (Session session : held) {
            if (session.walkMinutesFromHome() != null) {
                walked.add(session);
            }
        }
        return walked;
    }

    private static boolean over30(Session session) {
        return session.walkMinutesFromHome() > WALK_LIMIT_MINUTES;
    }

    /** How many people stand behind the session figures that do not show it themselves. */
    static PeopleBehind peopleBehind(List<Integer> waits, long continuous, List<Session> walked) {
        Set<UUID> walking = new HashSet<>();
        Set<UUID> over = new HashSet<>();
        Set<UUID> within = new HashSet<>();
        for (Session session : walked) {
            walking.add(session.participantId());
            (over30(session) ? over : within).add(session.participantId());
        }
        return new PeopleBehind(waits.size(), (int) continuous, walking.size(), over.size(), within.size());
    }

    /** The sessions held in the period, in the order they were recorded. */
    static List<Session> heldIn(MetricFacts facts, Period period) {
        List<Session> held = new ArrayList<>();
        for (Session session : facts.sessions()) {
            if (period.contains(session.heldOn())) {
                held.add(session);
            }
        }
        return held;
    }
}
