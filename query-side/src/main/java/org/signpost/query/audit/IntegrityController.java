package org.signpost.query.audit;

import org.signpost.platform.integrity.ChainReport;
import org.signpost.platform.integrity.EventChainVerifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For auditors: is the stored history as it was when each event was sealed? Checks the whole
 * chain now (the service's health shows the last periodic check).
 */
@RestController
class IntegrityController {

    private final EventChainVerifier verifier;

    IntegrityController(EventChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/audit/integrity")
    ChainReport integrity() {
        return verifier.verify();
    }
}
