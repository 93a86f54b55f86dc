package org.signpost.benchmarks.baseline;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The baseline's events, stored as they are (no personal data sealed, no metadata added). */
final class BaselineEvents {

    private BaselineEvents() {
    }

    record ReferralReceived(UUID referralId, String source, String channel, LocalDate receivedOn, String firstName,
                            String lastName, LocalDate dateOfBirth, String postcode, List<String> reasons,
                            List<String> needs, String consentGivenBy, String notes) {
    }

    record ReferralTriaged(UUID referralId, String outcome, LocalDate triagedOn) {
    }

    record LinkWorkerAssigned(UUID referralId, UUID participantId, String linkWorkerId, LocalDate assignedOn) {
    }

    record ParticipantEnrolled(UUID participantId, UUID referralId, String linkWorkerId, LocalDate enrolledOn) {
    }

    record SessionHeld(UUID participantId, UUID sessionId, LocalDate heldOn, int durationMinutes, String location,
                       String accompaniedBy, Integer walkMinutesFromHome, List<String> techniques) {
    }

    record ContactMade(UUID participantId, String channel, String direction, LocalDate contactedOn) {
    }
}
