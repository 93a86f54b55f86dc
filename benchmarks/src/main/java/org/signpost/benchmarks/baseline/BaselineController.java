package org.signpost.benchmarks.baseline;

import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.signpost.benchmarks.baseline.BaselineCommands.AssignLinkWorker;
import org.signpost.benchmarks.baseline.BaselineCommands.ReceiveReferral;
import org.signpost.benchmarks.baseline.BaselineCommands.RecordContact;
import org.signpost.benchmarks.baseline.BaselineCommands.RecordSession;
import org.signpost.benchmarks.baseline.BaselineCommands.TriageReferral;
import org.signpost.benchmarks.baseline.BaselineRequests.Assignment;
import org.signpost.benchmarks.baseline.BaselineRequests.Contact;
import org.signpost.benchmarks.baseline.BaselineRequests.NewReferral;
import org.signpost.benchmarks.baseline.BaselineRequests.Session;
import org.signpost.benchmarks.baseline.BaselineRequests.Triage;
import org.signpost.benchmarks.baseline.BaselineRequests.YoungPerson;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The five endpoints the command benchmark's clients call, written the way Axon's guides show:
 * a validated request body becomes a command sent with {@code sendAndWait}, one transaction each.
 */
@RestController
class BaselineController {

    private final CommandGateway commands;

    BaselineController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> receive(@Valid @RequestBody NewReferral referral) {
        UUID referralId = UUID.randomUUID();
        YoungPerson person = referral.youngPerson();
        commands.sendAndWait(new ReceiveReferral(referralId, referral.source(), referral.channel(), referral.receivedOn(),
                person.firstName(), person.lastName(), person.dateOfBirth(), person.postcode(), referral.reasons(),
                referral.needs(), referral.consentGivenBy(), referral.notes()));
        return Map.of("referralId", referralId);
    }

    @PostMapping("/api/referrals/{referralId}/triage")
    Map<String, UUID> triage(@PathVariable UUID referralId, @Valid @RequestBody Triage triage) {
        commands.sendAndWait(new TriageReferral(referralId, triage.outcome(), triage.triagedOn()));
        return Map.of("referralId", referralId);
    }

    @PostMapping("/api/referrals/{referralId}/assignment")
    Map<String, UUID> assign(@PathVariable UUID referralId, @Valid @RequestBody Assignment assignment) {
        UUID participantId = UUID.randomUUID();
        commands.sendAndWait(new AssignLinkWorker(referralId, participantId, assignment.linkWorkerId(),
                assignment.assignedOn()));
        return Map.of("participantId", participantId);
    }

    @PostMapping("/api/participants/{participantId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> session(@PathVariable UUID participantId, @Valid @RequestBody Session session) {
        commands.sendAndWait(new RecordSession(participantId, session.sessionId(), session.heldOn(),
                session.durationMinutes(), session.location(), session.accompaniedBy(), session.walkMinutesFromHome(),
                session.techniques()));
        return Map.of("participantId", participantId);
    }

    @PostMapping("/api/participants/{participantId}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> contact(@PathVariable UUID participantId, @Valid @RequestBody Contact contact) {
        commands.sendAndWait(new RecordContact(participantId, contact.channel(), contact.direction(),
                contact.contactedOn()));
        return Map.of("participantId", participantId);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    Map<String, String> notFound(AggregateNotFoundException refused) {
        return Map.of("detail", "No such record.");
    }

    @ExceptionHandler({CommandExecutionException.class, IllegalStateException.class, IllegalArgumentException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    Map<String, String> refused(RuntimeException refused) {
        return Map.of("detail", String.valueOf(refused.getMessage()));
    }
}
