package org.signpost.query.audit;

import org.signpost.platform.integrity.EventChainVerifier;
import org.signpost.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For auditors: is the stored history as it was when each event was sealed? Checks the whole
 * chain now (the service's health shows the last periodic check).
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
}
