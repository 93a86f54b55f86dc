package org.signpost.query.metrics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.signpost.events.AccompaniedBy;
import org.signpost.events.ConsentGivenBy;
import org.signpost.events.ContactChannel;
import org.signpost.events.ContactDirection;
import org.signpost.events.ContactMade;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.Instrument;
import org.signpost.events.LinkWorkerAssigned;
import org.signpost.events.LinkWorkerChanged;
import org.signpost.events.Need;
import org.signpost.events.OutcomeMeasured;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.PersonalData;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralReceived;
import org.signpost.events.ReferralSource;
import org.signpost.events.Referrer;
import org.signpost.events.SessionHeld;
import org.signpost.events.SessionLocation;
import org.signpost.events.SignpostedToVcse;
import org.signpost.events.Technique;
import org.signpost.events.Timepoint;
import org.signpost.events.TransportSupport;
import org.signpost.events.TriageOutcome;
import org.signpost.events.Triaged;
import org.signpost.events.UptakeRecorded;
import org.signpost.events.VcseCategory;
import org.signpost.events.YoungPerson;

/** Events of the catalogue with everything the metrics do not read filled in. */
final class Events {

    private Events() {
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** A stable id per name, so that a test reads "P1" rather than a random UUID. */
    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static ReferralReceived received(UUID referralId, String receivedOn, ReferralSource source,
                                     ReferralChannel channel, int age, ReferralReason... reasons) {
        List<InclusionCriterion> failed = new ArrayList<>();
        if (age < 11 || age > 18) {
            failed.add(InclusionCriterion.AGE_11_TO_18);
        }
        LocalDate received = date(receivedOn);
        return new ReferralReceived(referralId, source, channel, received, List.of(reasons), List.of(Need.ANXIETY),
                ConsentGivenBy.YOUNG_PERSON, age, "AB1", failed,
                PersonalData.of(new YoungPerson("Sam", "Example", received.minusYears(age), null, null, null, null,
                        null)),
                PersonalData.of(new Referrer("Dr Who", "Surgery", "GP", null, null)),
                null);
    }

    static Triaged triaged(UUID referralId, TriageOutcome outcome, String triagedOn, InclusionCriterion... failed) {
        return new Triaged(referralId, outcome, date(triagedOn), List.of(failed),
                outcome == TriageOutcome.REDIRECTED ? "CAMHS" : null, null, null);
    }

    static LinkWorkerAssigned assigned(UUID referralId, UUID participantId, String linkWorkerId, String assignedOn) {
        return new LinkWorkerAssigned(referralId, participantId, linkWorkerId, date(assignedOn));
    }

    static ParticipantEnrolled enrolled(UUID participantId, UUID referralId, String linkWorkerId, String enrolledOn,
                                        String referralReceivedOn, ReferralSource source) {
        return new ParticipantEnrolled(participantId, referralId, linkWorkerId, date(enrolledOn),
                date(referralReceivedOn), source);
    }

    static SessionHeld session(UUID participantId, UUID sessionId, String heldOn, int minutes, Integer walk,
                               String linkWorkerId) {
        return new SessionHeld(participantId, sessionId, date(heldOn), minutes, SessionLocation.COMMUNITY_VENUE,
                AccompaniedBy.NONE, walk, List.of(Technique.MOTIVATIONAL_INTERVIEWING), linkWorkerId, false,
                PersonalData.of("talked about school"));
    }

    static SignpostedToVcse signposted(UUID participantId, UUID signpostId, String signpostedOn) {
        return new SignpostedToVcse(participantId, signpostId, "Youth Football", "Saturday league",
                VcseCategory.PHYSICAL_ACTIVITY, date(signpostedOn), true, TransportSupport.BUS_PASS);
    }

    static UptakeRecorded uptake(UUID participantId, UUID signpostId, boolean attended, String recordedOn) {
        return new UptakeRecorded(participantId, signpostId, attended, date(recordedOn));
    }

    static OutcomeMeasured swemwbs(UUID participantId, Timepoint timepoint, String recordedOn, String score) {
        return new OutcomeMeasured(participantId, Instrument.SWEMWBS, timepoint, date(recordedOn),
                List.of(3, 3, 3, 3, 3, 3, 3), new BigDecimal(score));
    }

    static OutcomeMeasured ucla3(UUID participantId, Timepoint timepoint, String recordedOn, int total) {
        List<Integer> items = new ArrayList<>(List.of(1, 1, 1));
        for (int i = 0, rest = total - 3; rest > 0; i++, rest--) {
            items.set(i % 3, items.get(i % 3) + 1);
        }
        return new OutcomeMeasured(participantId, Instrument.UCLA3, timepoint, date(recordedOn), items,
                BigDecimal.valueOf(total));
    }

    /** Items in the instrument's order: life satisfaction, worthwhile, happy, anxious. */
    static OutcomeMeasured ons4(UUID participantId, Timepoint timepoint, String recordedOn, int... items) {
        return new OutcomeMeasured(participantId, Instrument.ONS4, timepoint, date(recordedOn),
                Arrays.stream(items).boxed().toList(), null);
    }

    static LinkWorkerChanged linkWorkerChanged(UUID participantId, String from, String to, String changedOn) {
        return new LinkWorkerChanged(participantId, from, to, date(changedOn), PersonalData.of("leave"));
    }

    static ContactMade contact(UUID participantId, String contactedOn) {
        return new ContactMade(participantId, ContactChannel.TEXT, ContactDirection.OUTBOUND, date(contactedOn));
    }
}
