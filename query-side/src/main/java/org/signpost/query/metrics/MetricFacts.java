package org.signpost.query.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.Instrument;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.Timepoint;
import org.signpost.events.TriageOutcome;

/**
 * The facts of the evaluation metrics held in memory: what a replay "as of" an instant, or a
 * test, folds events into before {@link EvaluationMetrics} and {@link ReferralRate} read them.
 *
 * <p>Every fact with an id is kept once: a projection sees an event twice only when something
 * went wrong, and counting it twice would silently change published figures; the first one
 * wins because the event store never holds two different facts under one id. A session's or
 * signpost's id is the client's and unique only within its participant (two participants may
 * well have a session of the same id), so those are kept per participant and id. Uptakes have
 * no id of their own and a signpost may have several (did not go, then went), so every one is
 * kept.
 *
 * <p>Insertion order is kept everywhere: it is the order the events were recorded in, which
 * breaks ties between facts of the same business date. Not thread-safe: one replay fills an
 * instance, then it is only read ({@link LiveFacts} adds to its own under a lock).
 *
 * <p>Facts written through {@link #recordedAt} also keep when the event that made each was
 * recorded (a referral's receipt and its triage each their own), beside the facts rather than in
 * them, so that facts folded and facts read back compare equal: then the facts as of a past
 * instant are those recorded up to it ({@link #recordedUpTo}).
 */
public final class MetricFacts implements FactsWriter {

    public record Referral(UUID referralId, LocalDate receivedOn, ReferralSource source, ReferralChannel channel,
                           List<ReferralReason> reasons, int ageOnReceipt) {
        public Referral {
            reasons = List.copyOf(reasons);
        }
    }

    public record Triage(UUID referralId, TriageOutcome outcome, LocalDate triagedOn,
                         List<InclusionCriterion> failedCriteria) {
        public Triage {
            failedCriteria = List.copyOf(failedCriteria);
        }
    }

    public record Participant(UUID participantId, UUID referralId, LocalDate referralReceivedOn,
                              ReferralSource source, String linkWorkerId) {
    }

    /** {@code linkWorkerId}: the link worker assigned when the session was recorded. */
    public record Session(UUID participantId, UUID sessionId, LocalDate heldOn, int durationMinutes,
                          Integer walkMinutesFromHome, String linkWorkerId) {
    }

    public record Signpost(UUID participantId, UUID signpostId, LocalDate signpostedOn) {
    }

    public record Uptake(UUID participantId, UUID signpostId, boolean attended, LocalDate recordedOn) {
    }

    /** {@code sequence}: the participant's event sequence number, the order measures were recorded in. */
    public record Measure(UUID participantId, long sequence, Instrument instrument, Timepoint timepoint,
                          LocalDate recordedOn, List<Integer> itemScores, BigDecimal score) {
        public Measure {
            itemScores = List.copyOf(itemScores);
        }
    }

    private record MeasureKey(UUID participantId, long sequence) {
    }

    /** A session or signpost: its id is unique within its participant only. */
    private record OwnedKey(UUID participantId, UUID id) {
    }

    private final Map<UUID, Referral> referrals = new LinkedHashMap<>();
    private final Map<UUID, Triage> triages = new LinkedHashMap<>();
    private final Map<UUID, Participant> participants = new LinkedHashMap<>();
    private final Map<OwnedKey, Session> sessions = new LinkedHashMap<>();
    private final Map<OwnedKey, Signpost> signposts = new LinkedHashMap<>();
    private final List<Uptake> uptakes = new ArrayList<>();
    private final Map<MeasureKey, Measure> measures = new LinkedHashMap<>();

    /**
     * When the event that made each fact was recorded, in epoch milliseconds, by the fact's key
     * (the uptakes' in their order); none for a fact written without it.
     */
    private final Map<UUID, Long> referralsRecorded = new HashMap<>();
    private final Map<UUID, Long> triagesRecorded = new HashMap<>();
    private final Map<UUID, Long> participantsRecorded = new HashMap<>();
    private final Map<OwnedKey, Long> sessionsRecorded = new HashMap<>();
    private final Map<OwnedKey, Long> signpostsRecorded = new HashMap<>();
    private final List<Long> uptakesRecorded = new ArrayList<>();
    private final Map<MeasureKey, Long> measuresRecorded = new HashMap<>();
    /** The instant of the facts being written now (epoch milliseconds); null while none is given. */
    private Long writing;

    /**
     * Adds the facts {@code more} holds after these, as a writer would: one under an id already
     * here is left out.
     */
    public void add(MetricFacts more) {
        addAbsent(referrals, referralsRecorded, more.referrals, more.referralsRecorded);
        addAbsent(triages, triagesRecorded, more.triages, more.triagesRecorded);
        addAbsent(participants, participantsRecorded, more.participants, more.participantsRecorded);
        addAbsent(sessions, sessionsRecorded, more.sessions, more.sessionsRecorded);
        addAbsent(signposts, signpostsRecorded, more.signposts, more.signpostsRecorded);
        uptakes.addAll(more.uptakes);
        uptakesRecorded.addAll(more.uptakesRecorded);
        addAbsent(measures, measuresRecorded, more.measures, more.measuresRecorded);
    }

    private static <K, V> void addAbsent(Map<K, V> facts, Map<K, Long> recorded, Map<K, V> more,
                                         Map<K, Long> moreRecorded) {
        more.forEach((key, fact) -> {
            if (facts.putIfAbsent(key, fact) == null) {
                stamp(recorded, key, moreRecorded.get(key));
            }
        });
    }

    /**
     * A writer of facts into these that keeps {@code recordedAt} as the instant of every fact it
     * writes (null: not known, as for facts written before the tables kept it).
     */
    public FactsWriter recordedAt(Instant recordedAt) {
        return new FactsWriter() {
            @Override
            public void referralReceived(UUID referralId, LocalDate receivedOn, ReferralSource source,
                                         ReferralChannel channel, List<ReferralReason> reasons, int ageOnReceipt) {
                stamped(recordedAt, () -> MetricFacts.this.referralReceived(referralId, receivedOn, source, channel,
                        reasons, ageOnReceipt));
            }

            @Override
            public void referralTriaged(UUID referralId, TriageOutcome outcome, LocalDate triagedOn,
                                        List<InclusionCriterion> failedCriteria) {
                stamped(recordedAt, () -> MetricFacts.this.referralTriaged(referralId, outcome, triagedOn, failedCriteria));
            }

            @Override
            public void participantEnrolled(UUID participantId, UUID referralId, LocalDate referralReceivedOn,
                                            ReferralSource source, String linkWorkerId) {
                stamped(recordedAt, () -> MetricFacts.this.participantEnrolled(participantId, referralId,
                        referralReceivedOn, source, linkWorkerId));
            }

            @Override
            public void sessionHeld(UUID participantId, UUID sessionId, LocalDate heldOn, int durationMinutes,
                                    Integer walkMinutesFromHome, String linkWorkerId) {
                stamped(recordedAt, () -> MetricFacts.this.sessionHeld(participantId, sessionId, heldOn, durationMinutes,
                        walkMinutesFromHome, linkWorkerId));
            }

            @Override
            public void signposted(UUID participantId, UUID signpostId, LocalDate signpostedOn) {
                stamped(recordedAt, () -> MetricFacts.this.signposted(participantId, signpostId, signpostedOn));
            }

            @Override
            public void uptakeRecorded(UUID participantId, UUID signpostId, boolean attended, LocalDate recordedOn) {
                stamped(recordedAt, () -> MetricFacts.this.uptakeRecorded(participantId, signpostId, attended, recordedOn));
            }

            @Override
            public void outcomeMeasured(UUID participantId, long sequence, Instrument instrument, Timepoint timepoint,
                                        LocalDate recordedOn, List<Integer> itemScores, BigDecimal score) {
                stamped(recordedAt, () -> MetricFacts.this.outcomeMeasured(participantId, sequence, instrument,
                        timepoint, recordedOn, itemScores, score));
            }
        };
    }

    private void stamped(Instant recordedAt, Runnable write) {
        writing = recordedAt == null ? null : recordedAt.toEpochMilli();
        try {
            write.run();
        } finally {
            writing = null;
        }
    }

    /** The first fact under a key is kept (see above), with the instant being written, if any. */
    private <K, V> void keep(Map<K, V> facts, Map<K, Long> recorded, K key, V fact) {
        if (facts.putIfAbsent(key, fact) == null) {
            stamp(recorded, key, writing);
        }
    }

    private static <K> void stamp(Map<K, Long> stamps, K key, Long recordedAt) {
        if (recordedAt != null) {
            stamps.put(key, recordedAt);
        }
    }

    /**
     * The facts recorded up to {@code asOf} (to the millisecond), in the same order: those a fold
     * of the events recorded up to it makes, if these are the facts of every event recorded up
     * to it and more (see {@link StampedFacts}). Empty if a fact here does not say when it was
     * recorded.
     */
    public Optional<MetricFacts> recordedUpTo(Instant asOf) {
        long upTo = asOf.toEpochMilli();
        MetricFacts facts = new MetricFacts();
        if (!copyUpTo(referrals, referralsRecorded, upTo, facts.referrals)
                || !copyUpTo(triages, triagesRecorded, upTo, facts.triages)
                || !copyUpTo(participants, participantsRecorded, upTo, facts.participants)
                || !copyUpTo(sessions, sessionsRecorded, upTo, facts.sessions)
                || !copyUpTo(signposts, signpostsRecorded, upTo, facts.signposts)
                || !copyUpTo(measures, measuresRecorded, upTo, facts.measures)) {
            return Optional.empty();
        }
        for (int i = 0; i < uptakes.size(); i++) {
            Long recorded = uptakesRecorded.get(i);
            if (recorded == null) {
                return Optional.empty();
            }
            if (recorded <= upTo) {
                facts.uptakes.add(uptakes.get(i));
            }
        }
        return Optional.of(facts);
    }

    /** Copies the facts recorded up to {@code upTo}, in order; false if one has no instant. */
    private static <K, V> boolean copyUpTo(Map<K, V> from, Map<K, Long> recorded, long upTo, Map<K, V> into) {
        for (Map.Entry<K, V> fact : from.entrySet()) {
            Long at = recorded.get(fact.getKey());
            if (at == null) {
                return false;
            }
            if (at <= upTo) {
                into.put(fact.getKey(), fact.getValue());
            }
        }
        return true;
    }

    /** Whether there is no fact at all. */
    public boolean isEmpty() {
        return referrals.isEmpty() && triages.isEmpty() && participants.isEmpty() && sessions.isEmpty()
                && signposts.isEmpty() && uptakes.isEmpty() && measures.isEmpty();
    }

    @Override
    public void referralReceived(UUID referralId, LocalDate receivedOn, ReferralSource source, ReferralChannel channel,
                                 List<ReferralReason> reasons, int ageOnReceipt) {
        keep(referrals, referralsRecorded, referralId,
                new Referral(referralId, receivedOn, source, channel, reasons, ageOnReceipt));
    }

    @Override
    public void referralTriaged(UUID referralId, TriageOutcome outcome, LocalDate triagedOn,
                                List<InclusionCriterion> failedCriteria) {
        keep(triages, triagesRecorded, referralId, new Triage(referralId, outcome, triagedOn, failedCriteria));
    }

    @Override
    public void participantEnrolled(UUID participantId, UUID referralId, LocalDate referralReceivedOn,
                                    ReferralSource source, String linkWorkerId) {
        keep(participants, participantsRecorded, participantId,
                new Participant(participantId, referralId, referralReceivedOn, source, linkWorkerId));
    }

    @Override
    public void sessionHeld(UUID participantId, UUID sessionId, LocalDate heldOn, int durationMinutes,
                            Integer walkMinutesFromHome, String linkWorkerId) {
        keep(sessions, sessionsRecorded, new OwnedKey(participantId, sessionId),
                new Session(participantId, sessionId, heldOn, durationMinutes, walkMinutesFromHome, linkWorkerId));
    }

    @Override
    public void signposted(UUID participantId, UUID signpostId, LocalDate signpostedOn) {
        keep(signposts, signpostsRecorded, new OwnedKey(participantId, signpostId),
                new Signpost(participantId, signpostId, signpostedOn));
    }

    @Override
    public void uptakeRecorded(UUID participantId, UUID signpostId, boolean attended, LocalDate recordedOn) {
        uptakes.add(new Uptake(participantId, signpostId, attended, recordedOn));
        uptakesRecorded.add(writing);
    }

    @Override
    public void outcomeMeasured(UUID participantId, long sequence, Instrument instrument, Timepoint timepoint,
                                LocalDate recordedOn, List<Integer> itemScores, BigDecimal score) {
        keep(measures, measuresRecorded, new MeasureKey(participantId, sequence),
                new Measure(participantId, sequence, instrument, timepoint, recordedOn, itemScores, score));
    }

    /** In the order they were recorded; likewise every other collection here. */
    public Collection<Referral> referrals() {
        return Collections.unmodifiableCollection(referrals.values());
    }

    public Optional<Referral> referral(UUID referralId) {
        return Optional.ofNullable(referrals.get(referralId));
    }

    public Collection<Triage> triages() {
        return Collections.unmodifiableCollection(triages.values());
    }

    public Collection<Participant> participants() {
        return Collections.unmodifiableCollection(participants.values());
    }

    public Optional<Participant> participant(UUID participantId) {
        return Optional.ofNullable(participants.get(participantId));
    }

    public Collection<Session> sessions() {
        return Collections.unmodifiableCollection(sessions.values());
    }

    public Collection<Signpost> signposts() {
        return Collections.unmodifiableCollection(signposts.values());
    }

    public List<Uptake> uptakes() {
        return Collections.unmodifiableList(uptakes);
    }

    public Collection<Measure> measures() {
        return Collections.unmodifiableCollection(measures.values());
    }
}
