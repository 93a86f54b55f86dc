package org.signpost.query.caseload;

import java.time.LocalDate;
import java.util.UUID;
import org.signpost.events.ContactMade;
import org.signpost.events.ParticipantDischarged;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.SessionHeld;

/**
 * A row of {@code participant_view} as the caseload projection's handlers change it: one method
 * per event, each also noting the participant's version (the sequence of their latest event).
 * Mutable because it lives only within one batch of events, or one rebuild, before it is stored.
 */
final class ParticipantRow {

    private static final int LONG_WALK_MINUTES = 30;

    final UUID participantId;
    final UUID referralId;
    String linkWorkerId;
    final LocalDate enrolledOn;
    final LocalDate referralReceivedOn;
    LocalDate firstSessionOn;
    LocalDate lastSessionOn;
    int sessionsHeld;
    int sessionsBeyondEntitlement;
    int missedSessions;
    LocalDate lastContactOn;
    int signposts;
    int extensionWeeks;
    int sessionsOver30Walk;
    /** Open ones: raised and not closed yet. */
    int safeguardingConcerns;
    LocalDate dischargedOn;
    String dischargeReason;
    long version;

    ParticipantRow(UUID participantId, UUID referralId, String linkWorkerId, LocalDate enrolledOn,
                   LocalDate referralReceivedOn, long version) {
        this.participantId = participantId;
        this.referralId = referralId;
        this.linkWorkerId = linkWorkerId;
        this.enrolledOn = enrolledOn;
        this.referralReceivedOn = referralReceivedOn;
        this.version = version;
    }

    static ParticipantRow enrolled(ParticipantEnrolled event, long sequence) {
        return new ParticipantRow(event.participantId(), event.referralId(), event.linkWorkerId(), event.enrolledOn(),
                event.referralReceivedOn(), sequence);
    }

    /** The participant as stored, without their young person (name and date of birth null). */
    ParticipantState state() {
        return new ParticipantState(participantId, referralId, null, null, null, linkWorkerId, enrolledOn,
                referralReceivedOn, firstSessionOn, lastSessionOn, sessionsHeld, sessionsBeyondEntitlement,
                missedSessions, lastContactOn, signposts, extensionWeeks, sessionsOver30Walk, safeguardingConcerns,
                dischargedOn, dischargeReason, version);
    }

    /** Sessions may be recorded late, so first and last are the earliest and latest dates, not the newest events. */
    void sessionHeld(SessionHeld event) {
        sessionsHeld++;
        firstSessionOn = earliest(firstSessionOn, event.heldOn());
        lastSessionOn = latest(lastSessionOn, event.heldOn());
        lastContactOn = latest(lastContactOn, event.heldOn());
        sessionsBeyondEntitlement += event.beyondEntitlement() ? 1 : 0;
        Integer walk = event.walkMinutesFromHome();
        sessionsOver30Walk += walk != null && walk > LONG_WALK_MINUTES ? 1 : 0;
    }

    void contactMade(ContactMade event) {
        lastContactOn = latest(lastContactOn, event.contactedOn());
    }

    void discharged(ParticipantDischarged event) {
        dischargedOn = event.dischargedOn();
        dischargeReason = event.reason().name();
    }

    private static LocalDate earliest(LocalDate current, LocalDate date) {
        return current == null || date.isBefore(current) ? date : current;
    }

    private static LocalDate latest(LocalDate current, LocalDate date) {
        return current == null || date.isAfter(current) ? date : current;
    }
}
