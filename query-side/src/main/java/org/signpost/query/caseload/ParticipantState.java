package org.signpost.query.caseload;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.signpost.events.Entitlement;
import org.signpost.events.YoungPerson;

/**
 * A participant's support episode as stored by the caseload projection, and what follows from
 * it on a given day: week of support, end of entitlement, flags.
 */
public record ParticipantState(
        UUID participantId,
        UUID referralId,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String linkWorkerId,
        LocalDate enrolledOn,
        LocalDate referralReceivedOn,
        LocalDate firstSessionOn,
        LocalDate lastSessionOn,
        int sessionsHeld,
        int sessionsBeyondEntitlement,
        int missedSessions,
        LocalDate lastContactOn,
        int signposts,
        int extensionWeeks,
        int sessionsOver30Walk,
        int safeguardingConcerns,
        LocalDate dischargedOn,
        String dischargeReason,
        long version) {

    /** This state with the young person's name and date of birth, opened (null: erased or unknown). */
    public ParticipantState withPerson(YoungPerson person) {
        return new ParticipantState(participantId, referralId, person == null ? null : person.firstName(),
                person == null ? null : person.lastName(), person == null ? null : person.dateOfBirth(), linkWorkerId,
                enrolledOn, referralReceivedOn, firstSessionOn, lastSessionOn, sessionsHeld, sessionsBeyondEntitlement,
                missedSessions, lastContactOn, signposts, extensionWeeks, sessionsOver30Walk, safeguardingConcerns,
                dischargedOn, dischargeReason, version);
    }

    public boolean active() {
        return dischargedOn == null;
    }

    public String name() {
        if (firstName == null && lastName == null) {
            return null;
        }
        return (firstName == null ? "" : firstName) + (lastName == null ? "" : " " + lastName);
    }

    public Integer age(LocalDate today) {
        return dateOfBirth == null ? null : Period.between(dateOfBirth, today).getYears();
    }

    public LocalDate entitlementEndsOn() {
        return firstSessionOn == null ? null : Entitlement.endsOn(firstSessionOn, extensionWeeks);
    }

    /** Week 1 is the week of the first session; null before it. */
    public Integer weekOfSupport(LocalDate today) {
        if (firstSessionOn == null || today.isBefore(firstSessionOn)) {
            return null;
        }
        return (int) (ChronoUnit.DAYS.between(firstSessionOn, today) / 7) + 1;
    }

    public List<CaseloadFlag> flags(LocalDate today) {
        List<CaseloadFlag> flags = new ArrayList<>();
        LocalDate lastTouch = lastContactOn != null ? lastContactOn : enrolledOn;
        if (ChronoUnit.DAYS.between(lastTouch, today) > 14) {
            flags.add(CaseloadFlag.NO_CONTACT_14_DAYS);
        }
        LocalDate end = entitlementEndsOn();
        if (end != null && today.isBefore(end) && ChronoUnit.DAYS.between(today, end) <= 14) {
            flags.add(CaseloadFlag.ENTITLEMENT_ENDING);
        }
        if ((end != null && !today.isBefore(end)) || sessionsBeyondEntitlement > 0) {
            flags.add(CaseloadFlag.BEYOND_ENTITLEMENT);
        }
        if (sessionsOver30Walk > 0) {
            flags.add(CaseloadFlag.SESSION_OVER_30_MINUTES_WALK);
        }
        if (safeguardingConcerns > 0) {
            flags.add(CaseloadFlag.SAFEGUARDING_CONCERN);
        }
        return List.copyOf(flags);
    }
}
