package org.signpost.benchmarks.baseline;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The baseline's commands: what its five endpoints send, one per request. */
final class BaselineCommands {

    private BaselineCommands() {
    }

    record ReceiveReferral(@TargetAggregateIdentifier UUID referralId, String source, String channel, LocalDate receivedOn,
                           String firstName, String lastName, LocalDate dateOfBirth, String postcode,
                           List<String> reasons, List<String> needs, String consentGivenBy, String notes) {
    }

    record TriageReferral(@TargetAggregateIdentifier UUID referralId, String outcome, LocalDate triagedOn) {
    }

    record AssignLinkWorker(@TargetAggregateIdentifier UUID referralId, UUID participantId, String linkWorkerId,
                            LocalDate assignedOn) {
    }

    record RecordSession(@TargetAggregateIdentifier UUID participantId, UUID sessionId, LocalDate heldOn,
                         int durationMinutes, String location, String accompaniedBy, Integer walkMinutesFromHome,
                         List<String> techniques) {
    }

    record RecordContact(@TargetAggregateIdentifier UUID participantId, String channel, String direction,
                         LocalDate contactedOn) {
    }
}
