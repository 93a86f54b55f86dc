package org.signpost.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.signpost.command.web.ParticipantRequests.ConcernClosureForm;
import org.signpost.command.web.ParticipantRequests.ContactForm;
import org.signpost.command.web.ParticipantRequests.DischargeForm;
import org.signpost.command.web.ParticipantRequests.ExtensionForm;
import org.signpost.command.web.ParticipantRequests.LinkWorkerChangeForm;
import org.signpost.command.web.ParticipantRequests.MeasureForm;
import org.signpost.command.web.ParticipantRequests.MissedSessionForm;
import org.signpost.command.web.ParticipantRequests.SafeguardingConcernForm;
import org.signpost.command.web.ParticipantRequests.SessionForm;
import org.signpost.command.web.ParticipantRequests.SignpostForm;
import org.signpost.command.web.ParticipantRequests.UptakeForm;
import org.signpost.platform.apidocs.ApiDocumentation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Link workers' and managers' commands on a participant's support. */
@RestController
@RequestMapping(path = "/api/participants/{participantId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class ParticipantCommandController {

    private final CommandDispatcher dispatcher;

    ParticipantCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "Record a session",
            description = "Records a session held with the participant; `sessionId` may be given by the client. Roles: LINK_WORKER, MANAGER. (a link worker: their own participants only)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CommandAnswers.SessionRecorded.class)))
    @PostMapping("/sessions")
    ResponseEntity<Object> session(@PathVariable UUID participantId, @Valid @RequestBody SessionForm form,
                                   HttpServletRequest request) {
        UUID sessionId = form.sessionId() != null ? form.sessionId() : UUID.randomUUID();
        return dispatcher.created(form.toCommand(participantId, sessionId), request,
                URI.create("/api/participants/" + participantId + "/sessions/" + sessionId));
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "Record a missed session",
            description = "Records a planned session the participant did not come to. Roles: LINK_WORKER, MANAGER. (a link worker: their own participants only)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CommandAnswers.Recorded.class)))
    @PostMapping("/missed-sessions")
    ResponseEntity<Object> missedSession(@PathVariable UUID participantId, @Valid @RequestBody MissedSessionForm form,
                                         HttpServletRequest request) {
        return dispatcher.created(form.toCommand(participantId), request, participant(participantId));
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "Record a contact",
            description = "Records a text, call or email between sessions. Roles: LINK_WORKER, MANAGER. (a link worker: their own participants only)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CommandAnswers.Recorded.class)))
    @PostMapping("/contacts")
    ResponseEntity<Object> contact(@PathVariable UUID participantId, @Valid @RequestBody ContactForm form,
                                   HttpServletRequest request) {
        return dispatcher.created(form.toCommand(participantId), request, participant(participantId));
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "Record an outcome measure",
            description = "Records a SWEMWBS (7 items, 1 to 5), UCLA3 (3 items, 1 to 3) or ONS4 (4 items, 0 to 10) measure and answers its score. Roles: LINK_WORKER, MANAGER. (a link worker: their own participants only)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CommandAnswers.MeasureRecorded.class)))
    @PostMapping("/measures")
    ResponseEntity<Object> measure(@PathVariable UUID participantId, @Valid @RequestBody MeasureForm form,
                                   HttpServletRequest request) {
        return dispatcher.created(form.toCommand(participantId), request, participant(participantId));
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "Signpost to a VCSE activity",
            description = "Records that the participant was signposted to a voluntary or community activity; `signpostId` may be given by the client. Roles: LINK_WORKER, MANAGER. (a link worker: their own participants only)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CommandAnswers.Signposted.class)))
    @PostMapping("/signposts")
    ResponseEntity<Object> signpost(@PathVariable UUID participantId, @Valid @RequestBody SignpostForm form,
                                    HttpServletRequest request) {
        UUID signpostId = form.signpostId() != null ? form.signpostId() : UUID.randomUUID();
        return dispatcher.created(form.toCommand(participantId, signpostId), request,
                URI.create("/api/participants/" + participantId + "/signposts/" + signpostId));
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "Record uptake of a signposting",
            description = "Records whether the participant went to the activity they were signposted to. Roles: LINK_WORKER, MANAGER. (a link worker: their own participants only)")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandAnswers.Recorded.class)))
    @PostMapping("/signposts/{signpostId}/uptake")
    ResponseEntity<Object> uptake(@PathVariable UUID participantId, @PathVariable UUID signpostId,
                                  @Valid @RequestBody UptakeForm form, HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(participantId, signpostId), request);
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "Reassign to another link worker",
            description = "Moves the participant to another link worker, with the reason. Roles: COORDINATOR, MANAGER.")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandAnswers.Recorded.class)))
    @PostMapping("/link-worker")
    ResponseEntity<Object> changeLinkWorker(@PathVariable UUID participantId,
                                            @Valid @RequestBody LinkWorkerChangeForm form, HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(participantId), request);
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "Extend support",
            description = "Extends the participant's weeks of support beyond the entitlement. Roles: MANAGER.")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandAnswers.Recorded.class)))
    @PostMapping("/extension")
    ResponseEntity<Object> extend(@PathVariable UUID participantId, @Valid @RequestBody ExtensionForm form,
                                  HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(participantId), request);
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "Raise a safeguarding concern",
            description = "Records a safeguarding concern; it flags the participant on the caseload. Roles: LINK_WORKER, MANAGER. (a link worker: their own participants only)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CommandAnswers.ConcernRaised.class)))
    @PostMapping("/safeguarding-concerns")
    ResponseEntity<Object> safeguardingConcern(@PathVariable UUID participantId,
                                               @Valid @RequestBody SafeguardingConcernForm form,
                                               HttpServletRequest request) {
        UUID concernId = UUID.randomUUID();
        return dispatcher.created(form.toCommand(participantId, concernId), request,
                URI.create("/api/participants/" + participantId + "/safeguarding-concerns/" + concernId));
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "Close a safeguarding concern",
            description = "Closes an open safeguarding concern with its outcome, on or after the day it was raised; the caseload flag stays while another concern is open. The same closure sent again is answered as the first time; another closure of a closed concern is refused (409). Roles: LINK_WORKER, MANAGER. (a link worker: their own participants only)")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandAnswers.Recorded.class)))
    @PostMapping("/safeguarding-concerns/{concernId}/closure")
    ResponseEntity<Object> closeSafeguardingConcern(@PathVariable UUID participantId, @PathVariable UUID concernId,
                                                    @Valid @RequestBody ConcernClosureForm form,
                                                    HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(participantId, concernId), request);
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "Discharge a participant",
            description = "Ends the participant's support, with the reason. Roles: LINK_WORKER, MANAGER. (a link worker: their own participants only)")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandAnswers.Recorded.class)))
    @PostMapping("/discharge")
    ResponseEntity<Object> discharge(@PathVariable UUID participantId, @Valid @RequestBody DischargeForm form,
                                     HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(participantId), request);
    }

    private static URI participant(UUID participantId) {
        return URI.create("/api/participants/" + participantId);
    }
}
