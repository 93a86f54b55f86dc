package org.signpost.query.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
     * Adds the facts {@code more} holds after these, as a writer would: one under an id already
     * here is left out.
     */
    public void add(MetricFacts more) {
        more.referrals.forEach(referrals::putIfAbsent);
        more.triages.forEach(triages::putIfAbsent);
        more.participants.forEach(participants::putIfAbsent);
        more.sessions.forEach(sessions::putIfAbsent);
        more.signposts.forEach(signposts::putIfAbsent);
        uptakes.addAll(more.uptakes);
        more.measures.forEach(measures::putIfAbsent);
    }

    /** Whether there is no fact at all. */
    public boolean isEmpty() {
        return referrals.isEmpty() && triages.isEmpty() && participants.isEmpty() && sessions.isEmpty()
                && signposts.isEmpty() && uptakes.isEmpty() && measures.isEmpty();
    }

    @Override
    public void referralReceived(UUID referralId, LocalDate receivedOn, ReferralSource source, ReferralChannel channel,
                                 List<ReferralReason> reasons, int ageOnReceipt) {
        referrals.putIfAbsent(referralId, new Referral(referralId, receivedOn, source, channel, reasons, ageOnReceipt));
    }

    @Override
    public void referralTriaged(UUID referralId, TriageOutcome outcome, LocalDate triagedOn,
                                List<InclusionCriterion> failedCriteria) {
        triages.putIfAbsent(referralId, new Triage(referralId, outcome, triagedOn, failedCriteria));
    }

    @Override
    public void participantEnrolled(UUID participantId, UUID referralId, LocalDate referralReceivedOn,
                                    ReferralSource source, String linkWorkerId) {
        participants.putIfAbsent(participantId,
                new Participant(participantId, referralId, referralReceivedOn, source, linkWorkerId));
    }

    @Override
    public void sessionHeld(UUID participantId, UUID sessionId, LocalDate heldOn, int durationMinutes,
                            Integer walkMinutesFromHome, String linkWorkerId) {
        sessions.putIfAbsent(new OwnedKey(participantId, sessionId),
                new Session(participantId, sessionId, heldOn, durationMinutes, walkMinutesFromHome, linkWorkerId));
    }

    @Override
    public void signposted(UUID participantId, UUID signpostId, LocalDate signpostedOn) {
        signposts.putIfAbsent(new OwnedKey(participantId, signpostId), new Signpost(participantId, signpostId, signpostedOn));
    }

    @Override
    public void uptakeRecorded(UUID participantId, UUID signpostId, boolean attended, LocalDate recordedOn) {
        uptakes.add(new Uptake(participantId, signpostId, attended, recordedOn));
    }

    @Override
    public void outcomeMeasured(UUID participantId, long sequence, Instrument instrument, Timepoint timepoint,
                                LocalDate recordedOn, List<Integer> itemScores, BigDecimal score) {
        measures.putIfAbsent(new MeasureKey(participantId, sequence),
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
