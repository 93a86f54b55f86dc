package org.signpost.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
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

    @PostMapping("/sessions")
    ResponseEntity<Object> session(@PathVariable UUID participantId, @Valid @RequestBody SessionForm form,
                                   HttpServletRequest request) {
        UUID sessionId = form.sessionId() != null ? form.sessionId() : UUID.randomUUID();
        return dispatcher.created(form.toCommand(participantId, sessionId), request,
                URI.create("/api/participants/" + participantId + "/sessions/" + sessionId));
    }

    @PostMapping("/missed-sessions")
    ResponseEntity<Object> missedSession(@PathVariable UUID participantId, @Valid @RequestBody MissedSessionForm form,
                                         HttpServletRequest request) {
        return dispatcher.created(form.toCommand(participantId), request, participant(participantId));
    }

    @PostMapping("/contacts")
    ResponseEntity<Object> contact(@PathVariable UUID participantId, @Valid @RequestBody ContactForm form,
                                   HttpServletRequest request) {
        return dispatcher.created(form.toCommand(participantId), request, participant(participantId));
    }

    @PostMapping("/measures")
    ResponseEntity<Object> measure(@PathVariable UUID participantId, @Valid @RequestBody MeasureForm form,
                                   HttpServletRequest request) {
        return dispatcher.created(form.toCommand(participantId), request, participant(participantId));
    }

    @PostMapping("/signposts")
    ResponseEntity<Object> signpost(@PathVariable UUID participantId, @Valid @RequestBody SignpostForm form,
                                    HttpServletRequest request) {
        UUID signpostId = form.signpostId() != null ? form.signpostId() : UUID.randomUUID();
        return dispatcher.created(form.toCommand(participantId, signpostId), request,
                URI.create("/api/participants/" + participantId + "/signposts/" + signpostId));
    }

    @PostMapping("/signposts/{signpostId}/uptake")
    ResponseEntity<Object> uptake(@PathVariable UUID participantId, @PathVariable UUID signpostId,
                                  @Valid @RequestBody UptakeForm form, HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(participantId, signpostId), request);
    }

    @PostMapping("/link-worker")
    ResponseEntity<Object> changeLinkWorker(@PathVariable UUID participantId,
                                            @Valid @RequestBody LinkWorkerChangeForm form, HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(participantId), request);
    }

    @PostMapping("/extension")
    ResponseEntity<Object> extend(@PathVariable UUID participantId, @Valid @RequestBody ExtensionForm form,
                                  HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(participantId), request);
    }

    @PostMapping("/safeguarding-concerns")
    ResponseEntity<Object> safeguardingConcern(@PathVariable UUID participantId,
                                               @Valid @RequestBody SafeguardingConcernForm form,
                                               HttpServletRequest request) {
        UUID concernId = UUID.randomUUID();
        return dispatcher.created(form.toCommand(participantId, concernId), request,
                URI.create("/api/participants/" + participantId + "/safeguarding-concerns/" + concernId));
    }

    @PostMapping("/discharge")
    ResponseEntity<Object> discharge(@PathVariable UUID participantId, @Valid @RequestBody DischargeForm form,
                                     HttpServletRequest request) {
        return dispatcher.ok(form.toCommand(participantId), request);
    }

    private static URI participant(UUID participantId) {
        return URI.create("/api/participants/" + participantId);
    }
}
