package org.signpost.command.web;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.signpost.command.rules.CommandRefused;
import org.signpost.command.rules.InvalidCommand;
import org.signpost.command.rules.StaleVersion;
import org.signpost.command.rules.UnknownEntity;
import org.signpost.command.web.CommandDispatcher.CommandTimedOut;
import org.signpost.events.PersonalDataCipher.PersonalDataErasedException;
import org.signpost.platform.web.Problems;
import org.signpost.platform.web.Problems.FieldError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the command side's refusals reach the client: 400, 404, 409, 412 or 503, as problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblemsAdvice {

    @ExceptionHandler(InvalidCommand.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCommand e) {
        return Problems.respond(Problems.invalidInput(List.of(new FieldError(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(CommandRefused.class)
    ResponseEntity<ProblemDetail> refused(CommandRefused e) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "rule-refused", "Refused by a business rule",
                e.getMessage());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        return Problems.respond(problem);
    }

    @ExceptionHandler({AggregateNotFoundException.class, UnknownEntity.class})
    ResponseEntity<ProblemDetail> unknown(RuntimeException e) {
        String detail = e instanceof UnknownEntity ? e.getMessage() : "No such referral or participant";
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail));
    }

    /** Deleted, or the id of an aggregate of the other kind (a participant's id sent as a referral's). */
    @ExceptionHandler({AggregateDeletedException.class, IncompatibleAggregateException.class})
    ResponseEntity<ProblemDetail> deleted(RuntimeException e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No such referral or participant"));
    }

    /** Personal data for someone whose data was erased cannot be recorded: no key is made for them again. */
    @ExceptionHandler(PersonalDataErasedException.class)
    ResponseEntity<ProblemDetail> erased(PersonalDataErasedException e) {
        return Problems.respond(Problems.problem(HttpStatus.CONFLICT, "personal-data-erased", "Personal data erased",
                "This young person's personal data was erased; nothing personal can be recorded for them."));
    }

    @ExceptionHandler(StaleVersion.class)
    ResponseEntity<ProblemDetail> stale(StaleVersion e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(CommandDispatcher.etag(e.currentVersion()))
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Version has changed",
                        e.getMessage()));
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        return Problems.respond(Problems.problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                "Another change to the same record happened at the same time; read it again and retry."));
    }

    @ExceptionHandler(CommandTimedOut.class)
    ResponseEntity<ProblemDetail> timedOut(CommandTimedOut e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                        e.getMessage() + "; retry with the same ids to be safe."));
    }

    @ExceptionHandler(NoHandlerForCommandException.class)
    ResponseEntity<ProblemDetail> noHandler(NoHandlerForCommandException e) {
        return Problems.respond(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "Service unavailable", "No command handler is available right now."));
    }
}
