package org.signpost.query.audit;

import org.signpost.platform.integrity.EventChainVerifier;
import org.signpost.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * For auditors: is the stored history as it was when each event was sealed? Checks the whole
 * chain now (the service's health shows the last periodic check); a HEAD does not.
 */
@RestController
class IntegrityController {

    private final ObjectProvider<EventChainVerifier> verifier;

    IntegrityController(ObjectProvider<EventChainVerifier> verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/audit/integrity")
    ResponseEntity<?> integrity() {
        EventChainVerifier available = verifier.getIfAvailable();
        if (available == null) {
            return Problems.respond(Problems.problem(HttpStatus.NOT_IMPLEMENTED, "no-event-chain", "No event chain here",
                    "The hash chain is kept over the PostgreSQL event store; this deployment keeps its events in "
                            + "Axon Server, which has no such chain."));
        }
        return ResponseEntity.ok(available.verify());
    }

    /**
     * A HEAD answers as the GET would, without running the check: the check reads every stored
     * event (seconds on a million), and a HEAD would show nothing of what it found.
     */
    @RequestMapping(path = "/api/audit/integrity", method = RequestMethod.HEAD)
    ResponseEntity<Void> integrityHead() {
        if (verifier.getIfAvailable() == null) {
            return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).contentType(Problems.PROBLEM_JSON).build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).build();
    }
}
