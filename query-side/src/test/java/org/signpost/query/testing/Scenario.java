package org.signpost.query.testing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.signpost.events.ConsentGivenBy;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.LinkWorkerAssigned;
import org.signpost.events.Need;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.ParticipantEvent;
import org.signpost.events.PersonalData;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralReceived;
import org.signpost.events.ReferralSource;
import org.signpost.events.TriageOutcome;
import org.signpost.events.Triaged;
import org.signpost.events.YoungPerson;

/** Hand-written histories for tests: a referral, and a participant's events with their sequence numbers. */
public final class Scenario {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    private final List<History> events = new ArrayList<>();

    public List<History> events() {
        return events;
    }

    public static LocalDate daysAgo(int days) {
        return TODAY.minusDays(days);
    }

    public UUID referral(int receivedDaysAgo, int age, List<Need> needs, String firstName) {
        UUID referralId = UUID.randomUUID();
        List<InclusionCriterion> failed = new ArrayList<>();
        if (age < 11 || age > 18) {
            failed.add(InclusionCriterion.AGE_11_TO_18);
        }
        if (needs.stream().noneMatch(Need::meetsInclusion)) {
            failed.add(InclusionCriterion.ANXIETY_OR_LONELINESS);
        }
        LocalDate receivedOn = daysAgo(receivedDaysAgo);
        YoungPerson person = new YoungPerson(firstName, "Testperson", receivedOn.minusYears(age).minusDays(10),
                "123 456 7890", "LS6 3QW", "Park School", "07700 900000", null);
        events.add(History.of(new ReferralReceived(referralId, ReferralSource.SCHOOL, ReferralChannel.EMAIL, receivedOn,
                List.of(ReferralReason.ANXIETY), needs, ConsentGivenBy.YOUNG_PERSON, age, "LS6", failed,
                PersonalData.of(person), null, PersonalData.of("Notes about " + firstName)), 0, "coordinator",
                "COORDINATOR"));
        return referralId;
    }

    public void triage(UUID referralId, TriageOutcome outcome, int daysAgo, long sequence) {
        events.add(History.of(new Triaged(referralId, outcome, daysAgo(daysAgo), List.of(), null, null, null), sequence,
                "coordinator", "COORDINATOR"));
    }

    /** Received, accepted and assigned: the participant's id. */
    public UUID participant(int receivedDaysAgo, String linkWorkerId, String firstName) {
        UUID referralId = referral(receivedDaysAgo, 14, List.of(Need.ANXIETY), firstName);
        triage(referralId, TriageOutcome.ACCEPTED, receivedDaysAgo - 1, 1);
        UUID participantId = UUID.randomUUID();
        events.add(History.of(new LinkWorkerAssigned(referralId, participantId, linkWorkerId, daysAgo(receivedDaysAgo - 2)),
                2, "coordinator", "COORDINATOR"));
        events.add(History.of(new ParticipantEnrolled(participantId, referralId, linkWorkerId,
                daysAgo(receivedDaysAgo - 2), daysAgo(receivedDaysAgo), ReferralSource.SCHOOL), 0, "coordinator",
                "COORDINATOR"));
        return participantId;
    }

    /** Adds a participant event with the next sequence number of its participant. */
    public Scenario then(ParticipantEvent event, String actor, String role) {
        long sequence = events.stream().filter(h -> h.aggregateId().equals(event.participantId())).count();
        events.add(History.of(event, sequence, actor, role));
        return this;
    }
}
