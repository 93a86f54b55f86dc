package org.signpost.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.signpost.command.rules.CommandRefused;
import org.signpost.command.web.ReferralRequests.AssignmentForm;
import org.signpost.command.web.ReferralRequests.ReferralForm;
import org.signpost.command.web.ReferralRequests.TriageForm;
import org.signpost.command.web.ReferralRequests.WithdrawalForm;
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

    @PostMapping
    ResponseEntity<Object> receive(@Valid @RequestBody ReferralForm form, HttpServletRequest request) {
        UUID referralId = form.referralId() != null ? form.referralId() : UUID.randomUUID();
        try {
            return dispatcher.created(form.toCommand(referralId), request, URI.create("/api/referrals/" + referralId));
        } catch (IncompatibleAggregateException e) {
            // The id is a participant's: a new referral may not take it (on an existing one it is an unknown id, 404).
            throw new CommandRefused("referralId", "The id " + referralId + " is another record's");
        }
    }

    @PostMapping("/{referralId}/triage")
    ResponseEntity<Object> triage(@PathVariable UUID referralId, @Valid @RequestBody TriageForm form,
                                  HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(referralId), request);
    }

    @PostMapping("/{referralId}/assignment")
    ResponseEntity<Object> assign(@PathVariable UUID referralId, @Valid @RequestBody AssignmentForm form,
                                  HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(referralId), request);
    }

    @PostMapping("/{referralId}/withdrawal")
    ResponseEntity<Object> withdraw(@PathVariable UUID referralId, @Valid @RequestBody WithdrawalForm form,
                                    HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(referralId), request);
    }
}
