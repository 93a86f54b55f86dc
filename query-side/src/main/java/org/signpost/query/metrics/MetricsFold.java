package org.signpost.query.metrics;

import java.time.LocalDate;
import java.util.Set;
import org.signpost.events.OutcomeMeasured;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.ReferralReceived;
import org.signpost.events.SessionHeld;
import org.signpost.events.SignpostedToVcse;
import org.signpost.events.Triaged;
import org.signpost.events.UptakeRecorded;
import org.signpost.projection.StorableValues;

/**
 * From events to the facts of the metrics: the one mapping both the live projection and an
 * "as of" replay use, so that they cannot disagree. Pure: it only calls the writer.
 *
 * <p>Only the non-identifying fields are passed on (no {@code PersonalData} ever), so the
 * metrics survive the erasure of a young person's personal data. Events the metrics do not
 * need (assignment, withdrawal, missed sessions, contacts, link-worker changes, extensions,
 * safeguarding concerns raised and closed, discharge) and anything that is not an event are ignored: link-worker changes
 * in particular need no fact because every session carries the link worker assigned then.
 *
 * <p>Dates and text are passed on as a read model stores them ({@link StorableValues}: a date
 * PostgreSQL cannot hold as an infinity, a NUL as U+FFFD), so that facts folded in memory equal
 * those the live tables give back, whatever a stored event holds.
 */
public final class MetricsFold {

    /**
     * The only events that change a fact. A reader of the store may skip all others without
     * deserializing them ("as of" over a large store), and must keep this set in step with
     * {@link #apply}; {@code MetricsFoldTest} checks that every other event makes no call.
     */
    public static final Set<Class<?>> EVENTS_WITH_FACTS = Set.of(ReferralReceived.class, Triaged.class,
            ParticipantEnrolled.class, SessionHeld.class, SignpostedToVcse.class, UptakeRecorded.class,
            OutcomeMeasured.class);

    private MetricsFold() {
    }

    /**
     * @param aggregateSequence the event's sequence number in its aggregate; it orders a
     *                          participant's measures recorded on the same day
     */
    public static void apply(Object payload, long aggregateSequence, FactsWriter writer) {
        if (payload instanceof ReferralReceived e) {
            writer.referralReceived(e.referralId(), date(e.receivedOn()), e.source(), e.channel(), e.reasons(),
                    e.ageOnReceipt());
        } else if (payload instanceof Triaged e) {
            writer.referralTriaged(e.referralId(), e.outcome(), date(e.triagedOn()), e.failedCriteria());
        } else if (payload instanceof ParticipantEnrolled e) {
            writer.participantEnrolled(e.participantId(), e.referralId(), date(e.referralReceivedOn()), e.source(),
                    StorableValues.text(e.linkWorkerId()));
        } else if (payload instanceof SessionHeld e) {
            writer.sessionHeld(e.participantId(), e.sessionId(), date(e.heldOn()), e.durationMinutes(),
                    e.walkMinutesFromHome(), StorableValues.text(e.linkWorkerId()));
        } else if (payload instanceof SignpostedToVcse e) {
            writer.signposted(e.participantId(), e.signpostId(), date(e.signpostedOn()));
        } else if (payload instanceof UptakeRecorded e) {
            writer.uptakeRecorded(e.participantId(), e.signpostId(), e.attended(), date(e.recordedOn()));
        } else if (payload instanceof OutcomeMeasured e) {
            writer.outcomeMeasured(e.participantId(), aggregateSequence, e.instrument(), e.timepoint(),
                    date(e.recordedOn()), e.itemScores(), e.score());
        }
    }

    private static LocalDate date(LocalDate date) {
        return StorableValues.date(date);
    }
}
