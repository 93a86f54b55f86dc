package org.signpost.command.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.signpost.command.participant.ParticipantCommands.ChangeLinkWorker;
import org.signpost.command.participant.ParticipantCommands.CloseSafeguardingConcern;
import org.signpost.command.participant.ParticipantCommands.DischargeParticipant;
import org.signpost.command.participant.ParticipantCommands.ExtendSupport;
import org.signpost.command.participant.ParticipantCommands.RaiseSafeguardingConcern;
import org.signpost.command.participant.ParticipantCommands.RecordContact;
import org.signpost.command.participant.ParticipantCommands.RecordMissedSession;
import org.signpost.command.participant.ParticipantCommands.RecordOutcomeMeasure;
import org.signpost.command.participant.ParticipantCommands.RecordSession;
import org.signpost.command.participant.ParticipantCommands.RecordUptake;
import org.signpost.command.participant.ParticipantCommands.SignpostToVcse;
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
import org.signpost.platform.web.SingleLineText;
import org.signpost.platform.web.Text;

/** Bodies of the participant commands, as API.md gives them; text fields as in {@link ReferralRequests}. */
final class ParticipantRequests {

    private ParticipantRequests() {
    }

    record SessionForm(
            UUID sessionId,
            @NotNull LocalDate heldOn,
            @NotNull @Min(1) @Max(240) Integer durationMinutes,
            @NotNull SessionLocation location,
            @NotNull AccompaniedBy accompaniedBy,
            @Min(0) @Max(600) Integer walkMinutesFromHome,
            @Size(max = 3) List<@NotNull Technique> techniques,
            @Text @Size(max = 4000) String notes) {

        RecordSession toCommand(UUID participantId, UUID id) {
            return new RecordSession(participantId, id, heldOn, durationMinutes, location, accompaniedBy,
                    walkMinutesFromHome, techniques == null ? List.of() : List.copyOf(new LinkedHashSet<>(techniques)),
                    notes);
        }
    }

    record MissedSessionForm(@NotNull LocalDate plannedOn, @Text @Size(max = 4000) String reason) {

        RecordMissedSession toCommand(UUID participantId) {
            return new RecordMissedSession(participantId, plannedOn, reason);
        }
    }

    record ContactForm(@NotNull ContactChannel channel, @NotNull ContactDirection direction, @NotNull LocalDate contactedOn) {

        RecordContact toCommand(UUID participantId) {
            return new RecordContact(participantId, channel, direction, contactedOn);
        }
    }

    record MeasureForm(
            @NotNull Instrument instrument,
            @NotNull Timepoint timepoint,
            @NotNull LocalDate recordedOn,
            @NotEmpty @Size(max = 10) List<@NotNull Integer> itemScores) {

        RecordOutcomeMeasure toCommand(UUID participantId) {
            return new RecordOutcomeMeasure(participantId, instrument, timepoint, recordedOn, List.copyOf(itemScores));
        }
    }

    record SignpostForm(
            UUID signpostId,
            @NotBlank @SingleLineText @Size(max = 200) String organisation,
            @NotBlank @SingleLineText @Size(max = 200) String activity,
            @NotNull VcseCategory category,
            @NotNull LocalDate signpostedOn,
            Boolean fundedAccess,
            TransportSupport transportSupport) {

        SignpostToVcse toCommand(UUID participantId, UUID id) {
            return new SignpostToVcse(participantId, id, organisation, activity, category, signpostedOn,
                    Boolean.TRUE.equals(fundedAccess), transportSupport == null ? TransportSupport.NONE : transportSupport);
        }
    }

    record UptakeForm(@NotNull Boolean attended, @NotNull LocalDate recordedOn) {

        RecordUptake toCommand(UUID participantId, UUID signpostId) {
            return new RecordUptake(participantId, signpostId, attended, recordedOn);
        }
    }

    record LinkWorkerChangeForm(
            @NotNull @SingleLineText
            @Pattern(regexp = ReferralRequests.LINK_WORKER_ID, message = "must be a link worker id") String linkWorkerId,
            @NotBlank @Text @Size(max = 4000) String reason,
            LocalDate changedOn) {

        ChangeLinkWorker toCommand(UUID participantId) {
            return new ChangeLinkWorker(participantId, linkWorkerId, reason, changedOn);
        }
    }

    record ExtensionForm(@NotNull @Min(1) @Max(52) Integer weeks, @NotBlank @Text @Size(max = 4000) String reason) {

        ExtendSupport toCommand(UUID participantId) {
            return new ExtendSupport(participantId, weeks, reason);
        }
    }

    record SafeguardingConcernForm(@NotNull LocalDate raisedOn, @NotBlank @Text @Size(max = 4000) String summary) {

        RaiseSafeguardingConcern toCommand(UUID participantId, UUID concernId) {
            return new RaiseSafeguardingConcern(participantId, concernId, raisedOn, summary);
        }
    }

    record ConcernClosureForm(@NotNull LocalDate closedOn, @NotBlank @Text @Size(max = 4000) String outcome) {

        CloseSafeguardingConcern toCommand(UUID participantId, UUID concernId) {
            return new CloseSafeguardingConcern(participantId, concernId, closedOn, outcome);
        }
    }

    record DischargeForm(@NotNull DischargeReason reason, @NotNull LocalDate dischargedOn) {

        DischargeParticipant toCommand(UUID participantId) {
            return new DischargeParticipant(participantId, reason, dischargedOn);
        }
    }
}
