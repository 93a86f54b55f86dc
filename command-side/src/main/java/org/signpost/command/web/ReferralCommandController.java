package org.signpost.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.signpost.command.referral.ReferralCommands.ReceiveNewReferral;
import org.signpost.command.rules.CommandRefused;
import org.signpost.command.web.ReferralRequests.AssignmentForm;
import org.signpost.command.web.ReferralRequests.ReferralForm;
import org.signpost.command.web.ReferralRequests.TriageForm;
import org.signpost.command.web.ReferralRequests.WithdrawalForm;
import org.signpost.platform.apidocs.ApiDocumentation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Coordinators' and managers' commands on referrals. */
@RestController
@RequestMapping(path = "/api/referrals", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class ReferralCommandController {

    private final CommandDispatcher dispatcher;

    ReferralCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Operation(tags = ApiDocumentation.REFERRALS, summary = "Receive a referral",
            description = "Records a referral of a young person. `referralId` may be given by the client: sending the same body again answers as the first time and stores nothing new. Location is where the referral is read. Roles: COORDINATOR, MANAGER.")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CommandAnswers.ReferralReceived.class)))
    @PostMapping
    ResponseEntity<Object> receive(@Valid @RequestBody ReferralForm form, HttpServletRequest request) {
        if (form.referralId() == null) {
            UUID referralId = UUID.randomUUID();
            return dispatcher.created(new ReceiveNewReferral(referralId, form.toCommand(referralId)), request,
                    URI.create("/api/referrals/" + referralId));
        }
        UUID referralId = form.referralId();
        try {
            return dispatcher.created(form.toCommand(referralId), request, URI.create("/api/referrals/" + referralId));
        } catch (IncompatibleAggregateException e) {
            // The id is a participant's: a new referral may not take it (on an existing one it is an unknown id, 404).
            throw new CommandRefused("referralId", "The id " + referralId + " is another record's");
        }
    }

    @Operation(tags = ApiDocumentation.REFERRALS, summary = "Triage a referral",
            description = "Accepts, redirects or declines a referral, once. Accepting a referral that fails an inclusion criterion needs an `overrideReason`; a redirection needs `redirectedTo`. Roles: COORDINATOR, MANAGER.")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandAnswers.Triaged.class)))
    @PostMapping("/{referralId}/triage")
    ResponseEntity<Object> triage(@PathVariable UUID referralId, @Valid @RequestBody TriageForm form,
                                  HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(referralId), request);
    }

    @Operation(tags = ApiDocumentation.REFERRALS, summary = "Assign an accepted referral to a link worker",
            description = "Enrols the young person as a participant with that link worker; the answer names the participant. Roles: COORDINATOR, MANAGER.")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandAnswers.Assigned.class)))
    @PostMapping("/{referralId}/assignment")
    ResponseEntity<Object> assign(@PathVariable UUID referralId, @Valid @RequestBody AssignmentForm form,
                                  HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(referralId), request);
    }

    @Operation(tags = ApiDocumentation.REFERRALS, summary = "Withdraw a referral",
            description = "Withdraws a referral still awaiting triage. Roles: COORDINATOR, MANAGER.")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandAnswers.Recorded.class)))
    @PostMapping("/{referralId}/withdrawal")
    ResponseEntity<Object> withdraw(@PathVariable UUID referralId, @Valid @RequestBody WithdrawalForm form,
                                    HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(referralId), request);
    }
}
