package org.signpost.command.participant;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.signpost.events.AccompaniedBy;
import org.signpost.events.ContactChannel;
import org.signpost.events.ContactDirection;
import org.signpost.events.DischargeReason;
import org.signpost.events.Instrument;
import org.signpost.events.SessionLocation;
import org.signpost.events.Technique;
import org.signpost.events.Timepoint;
import org.signpost.events.TransportSupport;
import org.signpost.events.VcseCategory;

/** The commands link workers and managers give about a participant's support. */
public final class ParticipantCommands {

    private ParticipantCommands() {
    }

    public record RecordSession(
            @TargetAggregateIdentifier UUID participantId,
            UUID sessionId,
            LocalDate heldOn,
            int durationMinutes,
            SessionLocation location,
            AccompaniedBy accompaniedBy,
            Integer walkMinutesFromHome,
            List<Technique> techniques,
            String notes) {
    }

    public record RecordMissedSession(@TargetAggregateIdentifier UUID participantId, LocalDate plannedOn, String reason) {
    }

    public record RecordContact(
            @TargetAggregateIdentifier UUID participantId,
            ContactChannel channel,
            ContactDirection direction,
            LocalDate contactedOn) {
    }

    public record RecordOutcomeMeasure(
            @TargetAggregateIdentifier UUID participantId,
            Instrument instrument,
            Timepoint timepoint,
            LocalDate recordedOn,
            List<Integer> itemScores) {
    }

    public record SignpostToVcse(
            @TargetAggregateIdentifier UUID participantId,
            UUID signpostId,
            String organisation,
            String activity,
            VcseCategory category,
            LocalDate signpostedOn,
            boolean fundedAccess,
            TransportSupport transportSupport) {
    }

    public record RecordUptake(
            @TargetAggregateIdentifier UUID participantId, UUID signpostId, boolean attended, LocalDate recordedOn) {
    }

    /** Move the participant to another link worker; {@code changedOn} defaults to today. */
    public record ChangeLinkWorker(
            @TargetAggregateIdentifier UUID participantId, String linkWorkerId, String reason, LocalDate changedOn) {
    }

    public record ExtendSupport(@TargetAggregateIdentifier UUID participantId, int weeks, String reason) {
    }

    public record RaiseSafeguardingConcern(
            @TargetAggregateIdentifier UUID participantId, UUID concernId, LocalDate raisedOn, String summary) {
    }

    /** Close a concern raised earlier, with what came of it. */
    public record CloseSafeguardingConcern(
            @TargetAggregateIdentifier UUID participantId, UUID concernId, LocalDate closedOn, String outcome) {
    }

    public record DischargeParticipant(
            @TargetAggregateIdentifier UUID participantId, DischargeReason reason, LocalDate dischargedOn) {
    }
}
